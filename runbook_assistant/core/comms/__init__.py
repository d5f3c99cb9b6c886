"""Crisis communication: message templates filled from a run's state, and the contact book.

May import: the base modules, ``runbook`` and ``run``.
"""
