"""The words of the refusals of sync bundles and the hub in Dutch and English. Part of
``error_texts.TEXTS``. ``{nothing}`` is "Nothing was merged." in the reader's language, left out
where the refusal is part of another (``cannot export: ...``).
"""

from __future__ import annotations

_REMAKE_EN = "Nothing was merged. Ask for a new bundle (`runbook-assistant sync export`)."
_REMAKE_NL = ("Er is niets samengevoegd. Vraag om een nieuwe bundel "
              "(`runbook-assistant sync export`).")
_VERIFY_EN = "Check both laptops with `runbook-assistant verify`."
_VERIFY_NL = "Controleer beide laptops met `runbook-assistant verify`."

NOTHING = {"en": " Nothing was merged.", "nl": " Er is niets samengevoegd."}

TEXTS = {
    # --- merging (core/sync/merge.py, exchange.py) ----------------------------------------------
    "sync_other_key": {
        "en": ("device {device} arrives with another key than the one on file here ({theirs} "
               "instead of {ours}): refused.{nothing}",
               "A laptop keeps one key; find out who made this bundle before trusting it."),
        "nl": ("apparaat {device} komt met een andere sleutel dan de bekende ({theirs} in plaats "
               "van {ours}): geweigerd.{nothing}",
               "Een laptop houdt één sleutel; zoek uit wie deze bundel maakte voor je hem "
               "vertrouwt."),
    },
    "sync_other_runbook": {
        "en": ("run {run} ({title}) was run here with another runbook text than in the bundle: "
               "refused.{nothing}", _VERIFY_EN),
        "nl": ("uitvoering {run} ({title}) liep hier met een andere draaiboektekst dan in de "
               "bundel: geweigerd.{nothing}", _VERIFY_NL),
    },
    "sync_forked": {
        "en": ("device {device} holds two different histories of run {run} (they part at seq "
               "{seq}): refused.{nothing}",
               "That laptop was probably restored from an old backup and went on recording; "
               "check both copies with `runbook-assistant verify`."),
        "nl": ("apparaat {device} heeft twee verschillende geschiedenissen van uitvoering {run} "
               "(ze lopen uiteen bij volgnummer {seq}): geweigerd.{nothing}",
               "Die laptop is waarschijnlijk teruggezet uit een oude back-up en ging daarna door "
               "met vastleggen; controleer beide kopieën met `runbook-assistant verify`."),
    },
    "sync_clash": {
        "en": ("event {event} (device {device}, seq {seq}) clashes with event {other} of run "
               "{other_run} already here: the device's history was forked. Refused.{nothing}",
               _VERIFY_EN),
        "nl": ("gebeurtenis {event} (apparaat {device}, volgnummer {seq}) botst met gebeurtenis "
               "{other} van uitvoering {other_run} die hier al staat: de geschiedenis van het "
               "apparaat is gesplitst. Geweigerd.{nothing}", _VERIFY_NL),
    },
    "sync_not_added": {
        "en": ("some events could not be added: refused.{nothing}", None),
        "nl": ("sommige gebeurtenissen konden niet worden toegevoegd: geweigerd.{nothing}", None),
    },
    "sync_wrong_maker": {
        "en": ("{path} was not made by {maker} but by {made_by}.{nothing}", None),
        "nl": ("{path} is niet gemaakt door {maker} maar door {made_by}.{nothing}", None),
    },
    "sync_manifest_format": {
        "en": ("{source} has a manifest of format {format}, not {known}.{nothing}", None),
        "nl": ("{source} heeft een manifest van formaat {format}, niet {known}.{nothing}", None),
    },
    "sync_tampered": {
        "en": ("{source} has been tampered with: {what}.{nothing}",
               "Ask for a new bundle from the laptop that made it, and compare its fingerprint."),
        "nl": ("er is geknoeid met {source}: {what}.{nothing}",
               "Vraag om een nieuwe bundel van de laptop die hem maakte, en vergelijk de "
               "vingerafdruk."),
    },
    "export_refused": {
        "en": ("cannot export: {error}", "Run `runbook-assistant verify` on {path}."),
        "nl": ("kan niet exporteren: {error}", "Controleer {path} met `runbook-assistant verify`."),
    },
    "bundle_over_database": {
        "en": ("cannot write the bundle over the database {path}",
               "Give another file name with -o."),
        "nl": ("kan de bundel niet over de database {path} heen schrijven",
               "Geef met -o een andere bestandsnaam."),
    },
    # --- bundle files (core/sync/bundle.py) -----------------------------------------------------
    "bundle_write_failed": {
        "en": ("cannot write the sync bundle {path}: {why}",
               "Nothing was written; check the free space and try again."),
        "nl": ("kan de syncbundel {path} niet schrijven: {why}",
               "Er is niets geschreven; controleer de vrije ruimte en probeer het opnieuw."),
    },
    "bundle_manifests": {
        "en": ("{path} is not a valid sync bundle: it has {count} manifests instead of one",
               _REMAKE_EN),
        "nl": ("{path} is geen geldige syncbundel: er zijn {count} manifesten in plaats van één",
               _REMAKE_NL),
    },
    "bundle_damaged": {
        "en": ("{path} is not a sync bundle or is damaged ({why})", _REMAKE_EN),
        "nl": ("{path} is geen syncbundel of is beschadigd ({why})", _REMAKE_NL),
    },
    "bundle_not_found": {
        "en": ("{path} not found", "Give the path of a sync bundle."),
        "nl": ("{path} niet gevonden", "Geef het pad van een syncbundel."),
    },
    "bundle_is_folder": {
        "en": ("{path} is a folder, not a sync bundle", None),
        "nl": ("{path} is een map, geen syncbundel", None),
    },
    "bundle_not_bundle": {
        "en": ("{path} is not a sync bundle", _REMAKE_EN),
        "nl": ("{path} is geen syncbundel", _REMAKE_NL),
    },
    "bundle_is_database": {
        "en": ("{path} is a Runbook Assistant database, not a sync bundle",
               "On the laptop that holds it, make a bundle with `runbook-assistant sync export "
               "-o FILE` and import that."),
        "nl": ("{path} is een database van Runbook Assistant, geen syncbundel",
               "Maak op de laptop die hem heeft een bundel met `runbook-assistant sync export "
               "-o BESTAND` en importeer die."),
    },
    "bundle_other_sqlite": {
        "en": ("{path} is not a sync bundle (a SQLite file of another kind)", _REMAKE_EN),
        "nl": ("{path} is geen syncbundel (een ander soort SQLite-bestand)", _REMAKE_NL),
    },
    "bundle_newer": {
        "en": ("{path} was made by a newer version of Runbook Assistant (bundle format "
               "{version}; this version reads up to {known})",
               "Update Runbook Assistant on this laptop; nothing was merged."),
        "nl": ("{path} is gemaakt door een nieuwere versie van Runbook Assistant (bundelformaat "
               "{version}; deze versie leest tot en met {known})",
               "Werk Runbook Assistant op deze laptop bij; er is niets samengevoegd."),
    },
    # --- the hub (core/sync/hub_client.py) ------------------------------------------------------
    "hub_bad_address": {
        "en": ("'{url}' is not a hub address",
               "Give it as http(s)://host:port, e.g. https://hub.example.nl."),
        "nl": ("'{url}' is geen adres van een hub",
               "Geef het als http(s)://host:poort, bijvoorbeeld https://hub.example.nl."),
    },
    "hub_unreachable": {
        "en": ("the hub at {url} cannot be reached ({why})",
               "Work goes on locally; sync again when the network is back."),
        "nl": ("de hub op {url} is niet bereikbaar ({why_nl})",
               "Het werk gaat hier gewoon door; synchroniseer opnieuw als het netwerk terug is."),
    },
    "hub_unavailable": {
        "en": ("the hub at {url} is unavailable: {error}", "{hub_hint}"),
        "nl": ("de hub op {url} is niet beschikbaar: {error}", "{hub_hint}"),
    },
    "hub_refused": {
        "en": ("the hub refused: {error}", "{hub_hint}"),
        "nl": ("de hub weigerde: {error}", "{hub_hint}"),
    },
    "hub_refused_status": {
        "en": ("the hub refused: it answered HTTP {status}", "{hub_hint}"),
        "nl": ("de hub weigerde: hij antwoordde HTTP {status}", "{hub_hint}"),
    },
    "hub_not_a_hub": {
        "en": ("{url} does not answer as a Runbook Assistant hub", None),
        "nl": ("{url} antwoordt niet als een hub van Runbook Assistant", None),
    },
    "hub_no_receipt": {
        "en": ("the hub at {url} gave no receipt", None),
        "nl": ("de hub op {url} gaf geen ontvangstbewijs", None),
    },
    "hub_receipt_unsigned": {
        "en": ("the receipt of the hub at {url} is not signed with the hub key pinned here "
               "({fingerprint})", "Someone else may answer at that address; ask the hub's "
               "administrator for its fingerprint."),
        "nl": ("het ontvangstbewijs van de hub op {url} is niet ondertekend met de hubsleutel "
               "die hier is vastgelegd ({fingerprint})", "Misschien antwoordt iemand anders op "
               "dat adres; vraag de beheerder van de hub om de vingerafdruk."),
    },
    "hub_no_witness": {
        "en": ("the hub at {url} gave no witness statement", None),
        "nl": ("de hub op {url} gaf geen getuigenverklaring", None),
    },
    "hub_witness_unsigned": {
        "en": ("the witness statement of the hub at {url} is not signed with the hub key pinned "
               "here ({fingerprint})", None),
        "nl": ("de getuigenverklaring van de hub op {url} is niet ondertekend met de hubsleutel "
               "die hier is vastgelegd ({fingerprint})", None),
    },
    "push_refused": {
        "en": ("cannot push: {error}", "Run `runbook-assistant verify` on {path}."),
        "nl": ("kan niet versturen: {error}", "Controleer {path} met `runbook-assistant verify`."),
    },
}

WORDS_NL = {"it answered 502": "hij antwoordde 502", "it answered 503": "hij antwoordde 503",
            "it answered 504": "hij antwoordde 504"}
