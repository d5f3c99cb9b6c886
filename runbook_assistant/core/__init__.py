"""The Qt-free core. Nothing in it imports PySide6; the UI and the CLI are thin layers over it.

Packages by capability, each allowed to import only the ones below it (``tests/test_core_layers.py``
holds the rule):

- base modules here: ``errors``, ``paths``, ``atomic``, ``textfile``, ``slug``, ``gc_pause``,
  ``child`` (a ``python -c`` child process and pickled messages to it),
  ``i18n`` (labels in both languages), ``formatting`` (times and durations as people read them),
  ``rendering`` (the seam to the PDF writer outside the core), ``sqlscript`` (schema scripts
  run inside a transaction);
- ``runbook``: the format, parser and validator;
- ``library``: the folders of runbooks, cached and searchable;
- ``log``: events, hash chain, identity, clock, store, verify;
- ``run``: the engine, the fold into state, timers and the timeline;
- ``comms``: message templates and contacts;
- ``exercise``: tabletop exercises;
- ``sync``: bundles between laptops;
- ``export``: every file the app writes about a run.
"""
