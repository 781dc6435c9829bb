"""The council's self-assessment for a DfE stocktake, written as Word (`docx`) and as the
stocktake pack's section (`pack_section`), both from the plain data in `content`."""
