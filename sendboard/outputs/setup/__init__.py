"""The setup workbook: its sheets and columns (layout) and the blank template (template)."""
