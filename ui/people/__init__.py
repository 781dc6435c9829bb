"""The People & Boards page: contacts, boards and memberships, priority areas, with their
dialogs, table models and the people import.
"""
