"""Work a fresh worker does before its first request, so no reader pays for it."""


def warm_up():
    """Load everything a first search would otherwise load lazily."""
