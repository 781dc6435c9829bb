"""Shared plumbing for every area: the workspace (open a database), records, what a call
changed (`changes`), spreadsheet import checks (`imports`) and meeting cycles.

The window and the command line may use `workspace`, `changes` and the import
previews in `imports`; `records` and `cycles` are for the areas' own modules.
"""
