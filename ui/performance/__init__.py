"""The Performance page: every measure as a small chart, grouped by priority area, with filters,
a detail panel and keyboard entry of a period's values."""
