"""sendboard: the secretariat's tool for a local-area SEND Improvement Board."""

__version__ = "0.1.0"
