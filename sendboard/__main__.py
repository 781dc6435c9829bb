"""`python -m sendboard` runs the command line (the window is its default command)."""

from sendboard.cli import main

raise SystemExit(main())
