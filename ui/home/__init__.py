"""The Home page: the dashboard cards, the next meeting and the first-run checklist."""
