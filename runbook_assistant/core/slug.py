"""Slugs: the lower-case ``a-z0-9-`` ids that runbooks, sections and steps are known by."""

from __future__ import annotations

import re
import unicodedata

SLUG_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """``"Coördinator ICT-storing!"`` → ``"coordinator-ict-storing"``; ``""`` when nothing is left.

    Accents are folded to their base letters (so Dutch titles give readable ids); every other run
    of characters outside ``a-z0-9`` becomes one hyphen.
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", folded.lower()).strip("-")


def is_slug(text: str) -> bool:
    """Whether ``text`` is already a valid slug."""
    return SLUG_RE.fullmatch(text) is not None
