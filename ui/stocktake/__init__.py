"""The Stocktake page: the notice's requirements and their coverage, the co-production and
engagement log, and the self-assessment for a stocktake meeting."""
