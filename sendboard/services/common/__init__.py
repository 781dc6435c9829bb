"""Shared plumbing for every area: the workspace (open a database), records, what a call
changed (`changes`), spreadsheet import checks (`imports`) and meeting cycles.

The window and the command line may use `workspace` and `changes`; the rest is for
the areas' own modules.
"""
