"""The Settings page: the secretary's own details, the email hand-off, highlight thresholds, the
Improvement Notice's requirements, and the database (this computer or a shared server)."""
