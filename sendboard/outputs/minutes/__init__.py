"""Minutes written out: Word (`word`), PDF in the pack's style (`pdf`), and the decision log and
register of interests as spreadsheets (`sheets`). `content` holds the plain data they print."""
