"""The Actions page: the action log table and filters, the detail pane, the edit and
update-round dialogs, and its spreadsheet commands.
"""
