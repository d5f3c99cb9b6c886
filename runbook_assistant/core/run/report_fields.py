"""The incident report's fields, as ``report_drafted`` events name them."""

from __future__ import annotations

TEXT_FIELDS = ("summary", "cause", "impact", "measures")
CHECK_FIELDS = ("security_incident", "data_damaged", "personal_data", "other_checks")
REPORT_FIELDS = TEXT_FIELDS + CHECK_FIELDS
