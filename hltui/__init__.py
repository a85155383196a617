"""hltui: a keyboard reader for Readwise-style highlight exports."""

__version__ = "0.1.0"
