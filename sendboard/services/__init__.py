"""Use cases: the only API the window and the command line call.

Sessions and ORM objects never leave a call; results are frozen dataclasses, and every call that
changes data returns an `Outcome` naming the areas it changed.
"""
