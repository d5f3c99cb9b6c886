"""What a foreign playbook means by its blocks, beyond CommonMark: the reading shared by the
library (a foreign file read directly) and ``runbook-assistant import``.

- A paragraph that is only bold text (``**(P) Preparation**``) acts as a heading, as in many
  published playbooks and in documents converted from Word.
- A paragraph that starts with a number that is not a list marker (``1.1 Check ...``,
  ``Stap 3: ...``) is a step.
- A short line such as ``Tekst voor de website:`` followed by a quote or a fenced block is a
  message template for that channel.
- Titles lose the Markdown marks that only decorate them (``**``, ``__``, leading ``#``).
"""

from __future__ import annotations

import re

# A bold-only paragraph: one line, ** or __ around all of it, a colon allowed inside or after.
PSEUDO_HEADING_RE = re.compile(r"(\*\*|__)(?P<text>[^*_\n]{1,120}?)\1\s*:?\s*")
NUMBERED_PARAGRAPH_RE = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})+\.?|(?:stap|step|actie|action)\s+\d{1,3}[.:)]?)\s+(?P<text>\S.*)",
    re.IGNORECASE)
# "Tekst voor de website:", "Bericht aan medewerkers (intranet):", "Text for the website:" ...
MESSAGE_LEAD_RE = re.compile(
    r"(?:\*\*|__)?(?:(?:voorbeeld)?tekst|bericht|boodschap|sms|text|message|notice)\b"
    r"[^:\n]{0,60}:(?:\*\*|__)?\s*", re.IGNORECASE)
CHANNELS = {
    "website": "website", "site": "website", "web": "website", "intranet": "intranet",
    "sms": "sms", "nl-alert": "sms", "telefoon": "telefoon", "phone": "telefoon",
    "e-mail": "e-mail", "email": "e-mail", "mail": "e-mail", "pers": "pers", "press": "pers",
    "social": "social media", "twitter": "social media",
}
AUDIENCES = {
    "inwoners": "inwoners", "burgers": "inwoners", "residents": "inwoners",
    "citizens": "inwoners", "medewerkers": "medewerkers", "personeel": "medewerkers",
    "staff": "medewerkers", "employees": "medewerkers", "raad": "raad", "council": "raad",
    "pers": "pers", "press": "pers", "media": "pers", "bestuur": "bestuur",
}
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_SINGLE = re.compile(r"(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])")
_LEADING_HASHES = re.compile(r"^(?:\s*#+)+\s*")


def pseudo_heading(paragraph: str) -> str | None:
    """The heading text of a bold-only paragraph (``**(P) Preparation**``), else None."""
    match = PSEUDO_HEADING_RE.fullmatch(paragraph.strip())
    if match is None:
        return None
    text = match.group("text").strip().rstrip(":").strip()
    # A whole sentence in bold is emphasis, not a heading.
    return text if text and not text.endswith((".", "!", "?")) else None


def numbered_paragraph(first_line: str) -> str | None:
    """The step title of a paragraph that starts with a number (``1.2 Check ...``), else None."""
    match = NUMBERED_PARAGRAPH_RE.fullmatch(first_line.strip())
    return match.group("text") if match else None


def message_lead(paragraph: str) -> tuple[str, str] | None:
    """(channel, audience) of a line that announces a message text, else None."""
    text = paragraph.strip()
    if "\n" in text or MESSAGE_LEAD_RE.fullmatch(text) is None:
        return None
    words = re.findall(r"[\w-]+", text.lower())
    channel = next((CHANNELS[w] for w in words if w in CHANNELS), "")
    audience = next((AUDIENCES[w] for w in words if w in AUDIENCES and AUDIENCES[w] != channel),
                    "")
    return channel, audience


def clean_title(text: str) -> str:
    """A title without the Markdown that only decorates it: ``**``, ``__``, ``*x*``, ``# ``."""
    text = _LEADING_HASHES.sub("", text)
    text = _EMPHASIS.sub(r"\2", text)
    text = _SINGLE.sub(r"\1", text)
    text = _LEADING_HASHES.sub("", text.replace("**", "").replace("__", ""))
    return " ".join(text.split())


def quoted_text(source: str) -> str:
    """The text of a block quote's source lines, the ``>`` marks taken off."""
    lines = [re.sub(r"^\s{0,3}>\s?", "", line) for line in source.split("\n")]
    return "\n".join(lines).strip("\n")
