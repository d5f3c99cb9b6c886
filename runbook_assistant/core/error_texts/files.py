"""The words of the refusals about files in Dutch and English: the database, the device key, the
data folder, files verify reads, files written, library folders. Part of ``error_texts.TEXTS``.
"""

from __future__ import annotations

_KEPT_EN = "everything recorded before is kept"
_KEPT_NL = "alles wat eerder is vastgelegd blijft bewaard"

TEXTS = {
    # --- the database (core/log/store*.py) ------------------------------------------------------
    "store_read_only": {
        "en": ("cannot write to {path}: {reason}; nothing was recorded",
               "Copy the file to a folder you can write to (or allow writing to it) and use it "
               f"with --db; {_KEPT_EN}."),
        "nl": ("kan niet schrijven naar {path}: {reason_nl}; er is niets vastgelegd",
               "Kopieer het bestand naar een map waarin je mag schrijven (of sta schrijven toe) "
               f"en gebruik het met --db; {_KEPT_NL}."),
    },
    "store_damaged": {
        "en": ("{path} is not a Runbook Assistant database or is damaged",
               "Choose another file with --db, or restore this one from a backup or a sync "
               "bundle; `runbook-assistant verify FILE` checks a file."),
        "nl": ("{path} is geen database van Runbook Assistant of is beschadigd",
               "Kies een ander bestand met --db, of zet dit terug uit een back-up of een "
               "syncbundel; `runbook-assistant verify BESTAND` controleert een bestand."),
    },
    "store_cannot_create": {
        "en": ("cannot create {path}: {why}", "Choose a folder you can write to with --db."),
        "nl": ("kan {path} niet aanmaken: {why}",
               "Kies met --db een map waarin je mag schrijven."),
    },
    "store_full": {
        "en": ("cannot write to {path}: the disk is full; nothing was recorded by this command",
               f"Free some disk space and try again; {_KEPT_EN}."),
        "nl": ("kan niet schrijven naar {path}: de schijf is vol; deze opdracht heeft niets "
               "vastgelegd", f"Maak schijfruimte vrij en probeer het opnieuw; {_KEPT_NL}."),
    },
    "store_incomplete": {
        "en": ("{path} is damaged: {what}; nothing is shown rather than part of the record",
               "Run `runbook-assistant verify` on it; restore it from a backup or a sync bundle, "
               "or repair a copy with SQLite's REINDEX (the events themselves are kept in the "
               "table)."),
        "nl": ("{path} is beschadigd: {what}; liever niets getoond dan een deel van het logboek",
               "Controleer het met `runbook-assistant verify`; zet het terug uit een back-up of "
               "een syncbundel, of herstel een kopie met REINDEX van SQLite (de gebeurtenissen "
               "zelf staan nog in de tabel)."),
    },
    "store_busy": {
        "en": ("{path} is busy: another program is writing to it; nothing was recorded",
               "Wait a moment and try again; if it stays busy, close the other Runbook "
               "Assistant window or command that uses this file."),
        "nl": ("{path} is bezet: een ander programma schrijft erin; er is niets vastgelegd",
               "Wacht even en probeer het opnieuw; blijft het bezet, sluit dan het andere "
               "venster of de andere opdracht van Runbook Assistant die dit bestand gebruikt."),
    },
    "store_newer": {
        "en": ("{path} was written by a newer version of Runbook Assistant (database version "
               "{found}; this version knows up to {known})",
               "Update Runbook Assistant on this laptop, or open a copy with the newer version."),
        "nl": ("{path} is geschreven door een nieuwere versie van Runbook Assistant "
               "(databaseversie {found}; deze versie kent tot en met {known})",
               "Werk Runbook Assistant op deze laptop bij, of open een kopie met de nieuwere "
               "versie."),
    },
    "store_needs_update": {
        "en": ("{path} needs updating to this version of Runbook Assistant, but {reason}",
               "Open it once where it can be written, or use a writable copy."),
        "nl": ("{path} moet worden bijgewerkt voor deze versie van Runbook Assistant, maar "
               "{reason_nl}", "Open het eenmaal waar erin geschreven kan worden, of gebruik een "
               "beschrijfbare kopie."),
    },
    "store_is_folder": {
        "en": ("{path} is a folder, not a database file", "Give the path of a file with --db."),
        "nl": ("{path} is een map, geen databasebestand", "Geef met --db het pad van een bestand."),
    },
    "store_unreadable": {
        "en": ("cannot read {path}: {why}", "Check that the file exists and that you may read it."),
        "nl": ("kan {path} niet lezen: {why}",
               "Controleer of het bestand bestaat en of je het mag lezen."),
    },
    "store_copy_unreadable": {
        "en": ("cannot read {path}: {why}",
               "Copy it to a folder you can write to and open the copy."),
        "nl": ("kan {path} niet lezen: {why}",
               "Kopieer het naar een map waarin je mag schrijven en open de kopie."),
    },
    "store_cannot_open": {
        "en": ("cannot open {path}",
               "Check that its folder exists and that you may read and write there."),
        "nl": ("kan {path} niet openen",
               "Controleer of de map bestaat en of je daar mag lezen en schrijven."),
    },
    "store_disk_error": {
        "en": ("cannot {action} {path}: the disk reported an error ({why})",
               "The disk or USB stick may be failing or gone; copy the file somewhere safe and "
               f"try again; {_KEPT_EN}."),
        "nl": ("kan {path} niet {action_nl}: de schijf meldde een fout ({why})",
               "De schijf of usb-stick gaat misschien stuk of is weg; kopieer het bestand naar "
               f"een veilige plek en probeer het opnieuw; {_KEPT_NL}."),
    },
    "store_failed": {
        "en": ("cannot {action} {path}: {why}", None),
        "nl": ("kan {path} niet {action_nl}: {why}", None),
    },
    "store_write_busy": {
        "en": ("{path}: a write is already under way on this connection", None),
        "nl": ("{path}: er loopt al een schrijfactie over deze verbinding", None),
    },
    "store_write_ended": {
        "en": ("{path}: this write has already ended", None),
        "nl": ("{path}: deze schrijfactie is al afgelopen", None),
    },
    "store_record_failed": {
        "en": ("cannot record {thing} {id} in {path}: {why}", None),
        "nl": ("kan {thing_nl} {id} niet vastleggen in {path}: {why}", None),
    },
    "store_run_missing": {
        "en": ("cannot record the event: run {run} is not in {path}", None),
        "nl": ("kan de gebeurtenis niet vastleggen: uitvoering {run} staat niet in {path}", None),
    },
    "store_event_failed": {
        "en": ("cannot record the event in {path}: {why}", None),
        "nl": ("kan de gebeurtenis niet vastleggen in {path}: {why}", None),
    },
    # --- any file read (core/log/store_errors.check_regular_file) --------------------------------
    "file_not_found": {
        "en": ("{path} not found", None),
        "nl": ("{path} niet gevonden", None),
    },
    "file_unreadable": {
        "en": ("cannot read {path}: {why}", None),
        "nl": ("kan {path} niet lezen: {why}", None),
    },
    "file_is_folder": {
        "en": ("{path} is a folder, not a file", "Give the path of a file."),
        "nl": ("{path} is een map, geen bestand", "Geef het pad van een bestand."),
    },
    "file_not_regular": {
        "en": ("{path} is not a regular file (a device, pipe or socket)",
               "Give the path of a file."),
        "nl": ("{path} is geen gewoon bestand (maar een apparaat, pipe of socket)",
               "Geef het pad van een bestand."),
    },
    # --- the device key and the data folder ------------------------------------------------------
    "key_unreadable": {
        "en": ("cannot read the device key {path}: {why}",
               "Check the permissions of the user data folder."),
        "nl": ("kan de apparaatsleutel {path} niet lezen: {why}",
               "Controleer de rechten op de gebruikersgegevensmap."),
    },
    "key_damaged": {
        "en": ("the device key {path} is damaged", "Restore it from a backup; moving it away "
               "makes this laptop a new device (its earlier events stay valid)."),
        "nl": ("de apparaatsleutel {path} is beschadigd", "Zet hem terug uit een back-up; "
               "wegzetten maakt van deze laptop een nieuw apparaat (zijn eerdere gebeurtenissen "
               "blijven geldig)."),
    },
    "key_not_ed25519": {
        "en": ("the device key {path} is not an Ed25519 key",
               "Move it away; a new key is made on the next start."),
        "nl": ("de apparaatsleutel {path} is geen Ed25519-sleutel",
               "Zet hem weg; bij de volgende start wordt een nieuwe sleutel gemaakt."),
    },
    "key_cannot_save": {
        "en": ("cannot save the device key in {folder}: {why}",
               "Check that the user data folder exists and can be written."),
        "nl": ("kan de apparaatsleutel niet opslaan in {folder}: {why}",
               "Controleer of de gebruikersgegevensmap bestaat en beschrijfbaar is."),
    },
    "data_folder": {
        "en": ("cannot create the data folder {folder}: {why}",
               "check the permissions of your profile, or use --db FILE"),
        "nl": ("kan de gegevensmap {folder} niet aanmaken: {why}",
               "controleer de rechten op je profiel, of gebruik --db BESTAND"),
    },
    "data_folder_portable": {
        "en": ("cannot create the data folder {folder}: {why}",
               "portable mode keeps the data beside the program: copy the program folder to a "
               "writable place, or remove portable.txt"),
        "nl": ("kan de gegevensmap {folder} niet aanmaken: {why}",
               "draagbaar gebruik bewaart de gegevens naast het programma: kopieer de "
               "programmamap naar een beschrijfbare plek, of verwijder portable.txt"),
    },
    # --- files verify reads (core/log/verify_sources.py) ----------------------------------------
    "verify_no_events": {
        "en": ("{name} is not a Runbook Assistant export: no list of events", None),
        "nl": ("{name} is geen export van Runbook Assistant: er is geen lijst gebeurtenissen",
               None),
    },
    "verify_bad_heads": {
        "en": ("{name} has a malformed device or chain head list", None),
        "nl": ("{name} heeft een onleesbare lijst van apparaten of ketenkoppen", None),
    },
    "verify_event_not_object": {
        "en": ("{name} is not a Runbook Assistant export: an event is not an object", None),
        "nl": ("{name} is geen export van Runbook Assistant: een gebeurtenis is geen object",
               None),
    },
    "verify_unknown_file": {
        "en": ("{path} is not a database, a sync bundle or a JSON export",
               "verify reads a Runbook Assistant database, a sync bundle (.sqlite) or an export "
               "made with --format json."),
        "nl": ("{path} is geen database, syncbundel of JSON-export",
               "verify leest een database van Runbook Assistant, een syncbundel (.sqlite) of een "
               "export gemaakt met --format json."),
    },
    "verify_damaged_db": {
        "en": ("{path} is not a Runbook Assistant database or is damaged ({why})",
               "Restore it from a backup or ask for a new copy."),
        "nl": ("{path} is geen database van Runbook Assistant of is beschadigd ({why})",
               "Zet het terug uit een back-up of vraag om een nieuwe kopie."),
    },
    "verify_other_sqlite": {
        "en": ("{path} is a SQLite file but not a Runbook Assistant database or sync bundle (no "
               "events and devices tables)", None),
        "nl": ("{path} is een SQLite-bestand maar geen database of syncbundel van Runbook "
               "Assistant (geen tabellen events en devices)", None),
    },
    "witness_unreadable": {
        "en": ("{name} is not a readable hub witness statement", None),
        "nl": ("{name} is geen leesbare getuigenverklaring van een hub", None),
    },
    "witness_unpinned": {
        "en": ("the witness {path} is signed by the hub key {fingerprint}, which this laptop "
               "never pinned", "Compare that fingerprint with the hub's administrator and give "
               "it with --trust FINGERPRINT, or sync with that hub first."),
        "nl": ("de getuige {path} is ondertekend met de hubsleutel {fingerprint}, die deze laptop "
               "nooit heeft vastgelegd", "Vergelijk die vingerafdruk met de beheerder van de hub "
               "en geef hem met --trust VINGERAFDRUK, of synchroniseer eerst met die hub."),
    },
    "witness_unsigned": {
        "en": ("the witness {path} does not verify itself: its statement is not signed by the "
               "hub key it names", "Give a witness that is intact."),
        "nl": ("de getuige {path} klopt zelf niet: de verklaring is niet ondertekend met de "
               "hubsleutel die erin staat", "Geef een getuige die intact is."),
    },
    "witness_broken": {
        "en": ("the witness {path} does not verify itself: {what}",
               "Give a witness that is intact."),
        "nl": ("de getuige {path} klopt zelf niet: {what}", "Geef een getuige die intact is."),
    },
    # --- files written (core/atomic.py, core/rendering.py) --------------------------------------
    "write_is_folder": {
        "en": ("cannot write {path}: it is a folder", "give a file name, e.g. {example}"),
        "nl": ("kan {path} niet schrijven: het is een map",
               "geef een bestandsnaam, bijvoorbeeld {example}"),
    },
    "write_no_folder": {
        "en": ("cannot write {path}: the folder {folder} does not exist",
               "create the folder first or choose another place"),
        "nl": ("kan {path} niet schrijven: de map {folder} bestaat niet",
               "maak eerst de map aan of kies een andere plek"),
    },
    "write_disk_full": {
        "en": ("cannot write {path}: the disk is full",
               "free some space or write to another disk; nothing was written"),
        "nl": ("kan {path} niet schrijven: de schijf is vol",
               "maak ruimte vrij of schrijf naar een andere schijf; er is niets geschreven"),
    },
    "write_denied": {
        "en": ("cannot write {path}: permission denied", "choose a folder you can write to"),
        "nl": ("kan {path} niet schrijven: geen toestemming",
               "kies een map waarin je mag schrijven"),
    },
    "write_failed": {
        "en": ("cannot write {path}: {why}", "nothing was written"),
        "nl": ("kan {path} niet schrijven: {why}", "er is niets geschreven"),
    },
    "pdf_unavailable": {
        "en": ("PDF export is not available here: no PDF writer is registered",
               "export as HTML, or use the runbook-assistant command or app"),
        "nl": ("PDF-export is hier niet beschikbaar: er is geen PDF-schrijver",
               "exporteer als HTML, of gebruik de opdracht runbook-assistant of de app"),
    },
    # --- library folders (core/library/catalog.py) ----------------------------------------------
    "library_folder_missing": {
        "en": ("library folder not found: {folder}", "check the --library option"),
        "nl": ("bibliotheekmap niet gevonden: {folder}", "controleer de optie --library"),
    },
    "library_folder_dead_link": {
        "en": ("library folder not found: {folder}", "it is a link that leads to no folder"),
        "nl": ("bibliotheekmap niet gevonden: {folder}", "het is een koppeling naar geen map"),
    },
    "library_not_folder": {
        "en": ("library folder is not a folder: {folder}",
               "give --library a folder of Markdown runbooks"),
        "nl": ("de bibliotheekmap is geen map: {folder}",
               "geef --library een map met Markdown-draaiboeken"),
    },
}

# English words the parameters above carry, in Dutch (``{name_nl}``).
WORDS_NL = {
    "it is read-only": "het is alleen-lezen",
    "its folder is read-only": "de map is alleen-lezen",
    "use": "gebruiken", "write to": "beschrijven", "open": "openen",
    "run": "uitvoering", "device": "apparaat", "event": "gebeurtenis",
    "the chain head of run": "de ketenkop van uitvoering",
}
