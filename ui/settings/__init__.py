"""The Settings page: email hand-off and highlight threshold settings."""
