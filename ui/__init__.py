"""The PySide6 front end. It reaches data only through sendboard.services."""

from ui.pyside_scan import lighten

lighten()  # before the window's modules and everything imported behind it
