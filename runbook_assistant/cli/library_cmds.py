"""Library commands: validate, list, show, search."""
