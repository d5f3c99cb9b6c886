"""Authoring: bringing a municipality's own playbooks in and keeping them approved.

Word documents and foreign Markdown are converted to the runbook format (``convert``, reading
Word through ``docx_reader``, writing with ``writer``); contact tables become ``contacts.yaml``
entries (``contact_tables``); an approver signs a runbook file with the device key
(``approval``), and any edit voids the signature.

May import: the core's base modules, ``runbook`` (the format) and ``log`` (the device key).
"""
