"""The Minutes page: pick a meeting, type its minutes during the meeting (saved as you type),
record decisions, actions arising and declarations, and take the minutes through to approval."""
