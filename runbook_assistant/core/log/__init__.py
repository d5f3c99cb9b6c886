"""The event log: events and their kinds, the hash chain and signatures, device identity, the hybrid
logical clock, the one event order, the SQLite store and its writer, and ``verify``.

Every state change of the app is an event appended here, committed before anyone is told it is done.
May import: the base modules only. It knows nothing of runbooks: payloads are plain data.
"""
