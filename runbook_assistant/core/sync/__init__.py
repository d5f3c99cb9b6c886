"""Later sync between laptops: bundles (``bundle``), checked whole before a merge (``merge``), and
the export/import commands over them (``exchange``).

May import: the base modules and ``log``.
"""
