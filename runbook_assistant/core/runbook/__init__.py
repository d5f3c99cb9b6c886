"""The runbook format: the model (frozen dataclasses), the parser (markdown-it tokens with source
lines), front matter, attribute blocks, durations, placeholders, the branch rule and the validator.

May import: the core's base modules (``errors``, ``slug``, ``textfile``, ...) only. Everything else
in the core builds on this package; it knows nothing of runs, logs or files beyond the one it reads.
"""
