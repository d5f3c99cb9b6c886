"""The text of a new runbook: a small, valid example of the format to write over."""

from __future__ import annotations

import yaml

from runbook_assistant.core.slug import slugify

_BODY = {
    "nl": """\
# {title}

Wanneer gebruik je dit draaiboek? Beschrijf het in een paar zinnen.

## Opschalen {{#opschalen .read-do}}

- [ ] Stel de coördinator aan {{#coordinator role=coordinator due=5m}}
- [ ] Leg vast wat er aan de hand is en sinds wanneer {{#vastleggen role=coordinator}}

## Herstel {{#herstel}}

- [ ] Beschrijf hier de eerste herstelstap {{#herstel-1 role=coordinator}}
  Details en uitleg onder de stap, ingesprongen.

## Communicatie {{#communicatie}}

- [ ] Informeer de inwoners {{#inwoners role=coordinator due=30m}}

```message {{#msg-inwoners channel=website audience=inwoners title="Storing"}}
Door een storing is onze dienstverlening beperkt sinds {{starttijd}}.
De volgende update volgt uiterlijk {{volgende_update}}.
```

## Afronden {{#afronden .do-confirm}}

- [ ] Plan de evaluatie {{#evaluatie role=coordinator due=1d}}
""",
    "en": """\
# {title}

When is this runbook used? Say it in a few sentences.

## Scale up {{#scale-up .read-do}}

- [ ] Appoint the coordinator {{#coordinator role=coordinator due=5m}}
- [ ] Record what is going on and since when {{#record role=coordinator}}

## Recovery {{#recovery}}

- [ ] Describe the first recovery step here {{#recovery-1 role=coordinator}}
  Details and explanation below the step, indented.

## Communication {{#communication}}

- [ ] Inform the residents {{#residents role=coordinator due=30m}}

```message {{#msg-residents channel=website audience=residents title="Outage"}}
Because of an outage our services are limited since {{start_time}}.
The next update follows by {{next_update}}.
```

## Close {{#close .do-confirm}}

- [ ] Plan the review {{#review role=coordinator due=1d}}
""",
}
_ROLE = {"nl": "Coördinator ICT-storing", "en": "ICT incident coordinator"}


def new_runbook_text(title: str, lang: str = "nl", runbook_id: str | None = None) -> str:
    """A new runbook titled ``title`` in ``lang`` (nl or en), valid as it is."""
    lang = lang if lang in _BODY else "en"
    title = " ".join(title.split()) or ("Nieuw draaiboek" if lang == "nl" else "New runbook")
    front = {"id": runbook_id or slugify(title) or "runbook", "title": title, "version": 1,
             "lang": lang, "roles": {"coordinator": _ROLE[lang]}}
    text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{text}---\n\n" + _BODY[lang].format(title=title)
