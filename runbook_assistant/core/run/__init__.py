"""A run of a runbook: the engine (every command, checked, then one event), the fold of a run's
events into its state (steps, timers, decisions, staffing, services), and the timeline rows every
view and export shows.

May import: the base modules, ``runbook`` and ``log``.
"""
