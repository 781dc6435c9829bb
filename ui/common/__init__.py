"""Window code several pages share: the page base, record dialog and table, pickers and
delegates, date fields, dialogs for errors and confirmation, the import preview, the
task runner and saved view state. Nothing here imports a page.
"""
