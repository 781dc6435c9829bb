"""Starting with your own board, in the window: the first-run checklist on Home, the setup
workbook's import (with its preview) and template, and the user guide."""
