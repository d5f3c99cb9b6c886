"""Placeholders in message templates: ``{name}``, and the ones the app fills in by itself."""

from __future__ import annotations

import re

PLACEHOLDER_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")

# Both spellings (English and Dutch) name the same value; the value is the canonical key.
APP_PLACEHOLDERS: dict[str, str] = {
    "organisation": "organisation",
    "organisatie": "organisation",
    "start_time": "start_time",
    "starttijd": "start_time",
    "runbook_title": "runbook_title",
    "draaiboek": "runbook_title",
    "run_title": "run_title",
    "storing": "run_title",
    "next_update": "next_update",
    "volgende_update": "next_update",
    "services": "services",
    "diensten": "services",
    "services_down": "services_down",
    "diensten_uit": "services_down",
    "restored": "restored",
    "hersteld": "restored",
    # From the municipality's settings (municipality.yaml).
    "municipality": "municipality",
    "gemeente": "municipality",
    "information_number": "information_number",
    "informatienummer": "information_number",
    "website": "website",
    "municipality_email": "municipality_email",
    "gemeente_email": "municipality_email",
    "address": "address",
    "adres": "address",
    "mayor": "mayor",
    "burgemeester": "mayor",
    "portfolio_holder": "portfolio_holder",
    "portefeuillehouder": "portfolio_holder",
    "portfolio_holder_title": "portfolio_holder_title",
    "portefeuillehouder_functie": "portfolio_holder_title",
    "council_clerk": "council_clerk",
    "griffier": "council_clerk",
}


def placeholders_of(text: str) -> tuple[str, ...]:
    """The placeholder names in ``text``, each once, in order of first appearance."""
    return tuple(dict.fromkeys(PLACEHOLDER_RE.findall(text)))


def is_app_placeholder(name: str) -> bool:
    """Whether the app fills ``name`` itself (otherwise it is asked for when filling a message)."""
    return name in APP_PLACEHOLDERS


# ``{check:security}``: the recorded outcome of the check step named ``security`` (or "still under
# investigation" while none is recorded). Not asked for when a message is filled.
CHECK_NAME = r"[a-z][a-z0-9_-]*"
CHECK_PLACEHOLDER_RE = re.compile(rf"\{{check:({CHECK_NAME})\}}")


def checks_of(text: str) -> tuple[str, ...]:
    """The check names of ``{check:NAME}`` placeholders in ``text``, each once, in order."""
    return tuple(dict.fromkeys(CHECK_PLACEHOLDER_RE.findall(text)))
