"""The Meetings page: the meeting list and view, and its agenda, attendance, invitations
and pack tabs with their dialogs and table models.
"""
