"""The one exception every parser raises when told to stop."""


class ParseCancelled(Exception):
    """A parse stopped because its `cancelled` callback said so."""
