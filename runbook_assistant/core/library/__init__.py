"""The runbook library: the bundled folder and the user's folders, scanned, parsed once per content
(``index``: a sha256-keyed cache with FTS5 search), in parallel when cold (``pool``, ``scan``), and
listed from summaries (``summary``). ``catalog.Library`` is what the CLI and the app use.

May import: the base modules and ``runbook``.
"""
