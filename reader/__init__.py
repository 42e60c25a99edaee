"""reader: a terminal reader for long-form articles."""

__version__ = "0.1.0"
