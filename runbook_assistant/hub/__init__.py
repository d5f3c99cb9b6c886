"""The team hub: a thin HTTP service (Starlette, uvicorn) over PostgreSQL (psycopg 3) that
laptops push their signed events to and pull each other's from. Installed with the ``hub`` extra.

It checks every push with the same functions as ``sync import`` and merges through the same
``SyncTarget`` rules (``target.PgTarget``); it holds no state of its own between requests.
"""
