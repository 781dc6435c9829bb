"""The PySide6 front end. It reaches data only through sendboard.services."""
