"""lakip-auditor: a linter for Indonesian government performance reports."""

__version__ = "0.1.0"
