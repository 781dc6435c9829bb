"""Rules of the DfE stocktake with no I/O: reading an Improvement Notice's numbered paragraphs
from pasted text (`numbering`), engagement event vocabulary (`engagement`), and judging a
requirement's coverage and suggested RAG from what is linked to it (`judgement`)."""
