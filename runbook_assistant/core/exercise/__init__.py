"""Tabletop exercises: the simulated clock and exercise time (``timing``), inject delivery
(``session``) and the rehearsal record of past exercises (``rehearsal``).

May import: the base modules, ``runbook``, ``library``, ``log`` and ``run``.
"""
