"""Rules with no I/O: governance roles, BRAG, schedules, risk scoring, highlights."""
