"""Reusable widgets. Importing the package registers the meeting view's tabs in TABS."""

from ui.widgets.attendance_tab import AttendanceTab
from ui.widgets.invitations_tab import InvitationsTab
from ui.widgets.meeting_tabs import TABS

TABS.extend(tab for tab in (InvitationsTab, AttendanceTab) if tab not in TABS)
