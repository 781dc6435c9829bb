"""The Risks page: the register table and filters, heat map, detail pane, risk, review and
scales dialogs, and its spreadsheet commands.
"""
