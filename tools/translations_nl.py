"""Dutch texts of the desktop app, keyed by the English source (``"Context|source"`` to override).

Keep ``{placeholders}`` exactly; keep one ``&`` (the Alt-key) per label, unique within its window.
Terms: runbook = draaiboek, run = uitvoering, exercise = oefening, step = stap, decision = besluit,
shortfall = tekort, staffing = bezetting. The app says "je" to its users.
"""

DUTCH: dict[str, str | tuple[str, str]] = {
    # --- app, errors ------------------------------------------------------------------------
    "Runbook Assistant is already open on {file}.\n\nSwitch to that window: one window at a "
    "time uses a database.":
        "Runbook Assistant is al geopend op {file}.\n\nGa naar dat venster: er kan maar één "
        "venster tegelijk een database gebruiken.",
    "Runbook Assistant cannot use {file}: the lock file beside it cannot be created. Check that "
    "the folder exists and is writable.":
        "Runbook Assistant kan {file} niet gebruiken: het vergrendelbestand ernaast kan niet "
        "worden gemaakt. Controleer of de map bestaat en of je erin mag schrijven.",
    "Something went wrong inside Runbook Assistant. What you recorded so far is safe; you can "
    "go on working.":
        "Er ging iets mis in Runbook Assistant. Wat je tot nu toe hebt vastgelegd is veilig; "
        "je kunt gewoon verder werken.",
    # --- Qt's own dialogs, where qtbase_nl lacks a text (ui/qt_texts.py) ----------------------
    "QFileDialog|&Look in:": "&Zoeken in:",
    "QFileDialog|Files of &type:": "Bestands&type:",
    # --- severities of runbooks -------------------------------------------------------------
    "Severity|low": "laag",
    "Severity|medium": "middel",
    "Severity|high": "hoog",
    "Severity|critical": "kritiek",
    # --- run keys (ui/run_keys.py) ------------------------------------------------------------
    "Library &pane": "&Paneel met bibliotheek",
    "Alt+1 … Alt+6": "Alt+1 … Alt+6",
    "Side tab: timeline, decisions, notes, contacts, messages, services (the focus goes into it)":
        "Zijtabblad: tijdlijn, besluiten, notities, contactpersonen, berichten, diensten (de "
        "cursor gaat erin)",
    "Ctrl+Tab": "Ctrl+Tab",
    "Next side tab": "Volgend zijtabblad",
    "Esc": "Esc",
    "From a side tab or the details: back to the steps": "Vanuit een zijtabblad of de details: "
                                                         "terug naar de stappen",
    "F6": "F6",
    "Between the steps and the side tab": "Wisselen tussen de stappen en het zijtabblad",
    "Tab / Shift+Tab": "Tab / Shift+Tab",
    "Next / previous field (tables too)": "Volgend / vorig veld (ook vanuit tabellen)",
    "1 / 2 / 3 / 4": "1 / 2 / 3 / 4",
    "Services tab: the selected service is up, degraded, down or restored":
        "Tabblad diensten: de gekozen dienst is beschikbaar, verminderd, uitgevallen of "
        "hersteld",
    "Ctrl+Enter": "Ctrl+Enter",
    "Messages tab: mark the message as sent": "Tabblad berichten: het bericht is verstuurd",
    "Ctrl+C": "Ctrl+C",
    "Contacts or messages tab: copy the number or the text":
        "Tabblad contactpersonen of berichten: het nummer of de tekst kopiëren",
    "Ctrl+Shift+W": "Ctrl+Shift+W",
    "Close the run (asks for a summary)": "De uitvoering afsluiten (vraagt om een samenvatting)",
    "Ctrl+Shift+P": "Ctrl+Shift+P",
    "Exercise: pause or resume the exercise clock": "Oefening: de oefenklok pauzeren of "
                                                    "laten doorlopen",
    "Ctrl+Shift+J": "Ctrl+Shift+J",
    "Exercise: jump to the next inject": "Oefening: naar de volgende inject springen",
    "Ctrl+Shift+↑ / Ctrl+Shift+↓": "Ctrl+Shift+↑ / Ctrl+Shift+↓",
    "Exercise: clock faster / slower": "Oefening: oefenklok sneller / langzamer",
    "Ctrl+Shift+O": "Ctrl+Shift+O",
    "Exercise: write an observation": "Oefening: een waarneming schrijven",
    "The exercise clock &keeps running while the app is closed (otherwise it pauses)":
        "De oefenklok &loopt door als de app dicht is (anders pauzeert hij)",
    # --- library ----------------------------------------------------------------------------
    "Loading the library…": "De bibliotheek wordt geladen…",
    "The library is empty. Add a folder of runbooks in Settings.":
        "De bibliotheek is leeg. Voeg in Instellingen een map met draaiboeken toe.",
    "Nothing matches. Clear the search or the filters.":
        "Niets gevonden. Maak het zoekveld of de filters leeg.",
    "{n} runbooks": "{n} draaiboeken",
    "{shown} of {total} runbooks": "{shown} van {total} draaiboeken",
    "&Library": "&Bibliotheek",
    "Search runbooks (Ctrl+F)": "Draaiboeken zoeken (Ctrl+F)",
    "Search runbooks": "Draaiboeken zoeken",
    "All tags": "Alle labels",
    "All severities": "Elke ernst",
    "All languages": "Alle talen",
    "Show only runbooks with this tag": "Alleen draaiboeken met dit label",
    "Show only runbooks of this severity": "Alleen draaiboeken met deze ernst",
    "Show only runbooks in this language": "Alleen draaiboeken in deze taal",
    "Runbooks": "Draaiboeken",
    "exercise scenario": "oefenscenario",
    # --- menus and shortcuts ----------------------------------------------------------------
    "&File": "&Bestand",
    "&View": "Beel&d",
    "&Help": "&Help",
    "&Start run…": "Uitvoering &starten…",
    "&Close tab": "Tabblad s&luiten",
    "S&ettings…": "&Instellingen…",
    "&Quit": "&Afsluiten",
    "&Search the library": "&Zoeken in de bibliotheek",
    "Go to open &runs": "Naar open &uitvoeringen",
    "&Larger text": "&Grotere tekst",
    "S&maller text": "&Kleinere tekst",
    "&Normal text size": "&Normale tekstgrootte",
    "Ne&xt tab": "&Volgend tabblad",
    "&Previous tab": "V&orig tabblad",
    "&Keyboard shortcuts": "&Sneltoetsen",
    "&About Runbook Assistant": "&Over Runbook Assistant",
    "Enter": "Enter",
    "Open the selected runbook or run": "Het gekozen draaiboek of de gekozen uitvoering openen",
    "About Runbook Assistant": "Over Runbook Assistant",
    "<p><b>Runbook Assistant {version}</b></p><p>Offline crisis runbooks with a verifiable "
    "timeline.</p><p>Database: {db}</p>":
        "<p><b>Runbook Assistant {version}</b></p><p>Crisisdraaiboeken zonder netwerk, met een "
        "controleerbare tijdlijn.</p><p>Database: {db}</p>",
    "Keyboard shortcuts": "Sneltoetsen",
    "Keys": "Toetsen",
    "What it does": "Wat het doet",
    "Everywhere": "Overal",
    "In a run": "In een uitvoering",
    # --- main window ------------------------------------------------------------------------
    "The checklist of this run cannot be shown in this version; this is the runbook as it was "
    "run.":
        "De checklist van deze uitvoering kan in deze versie niet worden getoond; dit is het "
        "draaiboek zoals het werd uitgevoerd.",
    "Select a runbook first.": "Kies eerst een draaiboek.",
    "The list of open runs could not be refreshed: %1":
        "De lijst met open uitvoeringen kon niet worden bijgewerkt: %1",
    "Runs are unavailable: the database could not be opened.":
        "Uitvoeringen zijn niet beschikbaar: de database kon niet worden geopend.",
    "<h2>Runbook Assistant</h2><p>Ctrl+F: search the library · Enter: open the runbook<br/>"
    "Ctrl+N: start a run of it · F1: all keyboard shortcuts</p>":
        "<h2>Runbook Assistant</h2><p>Ctrl+F: zoeken in de bibliotheek · Enter: draaiboek "
        "openen<br/>Ctrl+N: uitvoering starten · F1: alle sneltoetsen</p>",
    "No open runs. Open a runbook and press Ctrl+N to start one.":
        "Geen open uitvoeringen. Open een draaiboek en druk op Ctrl+N om er een te starten.",
    "Open &runs": "Open &uitvoeringen",
    "Open runs": "Open uitvoeringen",
    "EXERCISE": "OEFENING",
    "{done} of {total} done": "{done} van {total} gedaan",
    "OVERDUE": "TE LAAT",
    "Started {at} · run {id}": "Gestart {at} · uitvoering {id}",
    # --- reader -----------------------------------------------------------------------------
    "image": "afbeelding",
    "version {v}": "versie {v}",
    "severity: {s}": "ernst: {s}",
    "language: {l}": "taal: {l}",
    "owner: {o}": "eigenaar: {o}",
    "tags: {t}": "labels: {t}",
    "Role": "Rol",
    "Id": "Id",
    "Minimum present": "Minimaal aanwezig",
    "Roles": "Rollen",
    "Services, in order of restoring": "Diensten, in volgorde van herstel",
    "role: {r}": "rol: {r}",
    "due {d} after the start": "uiterlijk {d} na de start",
    "timebox {d}": "maximaal {d}",
    "every {d}": "elke {d}",
    "four eyes: a second person verifies": "vier ogen: een tweede persoon controleert",
    "decision": "besluit",
    "optional": "optioneel",
    "READ-DO: read each step, then do it": "Stap voor stap: lees elke stap en voer hem dan uit",
    "DO-CONFIRM: do from memory, then confirm":
        "Achteraf afvinken: voer uit op geheugen en vink daarna af",
    "Message template {id}": "Berichtsjabloon {id}",
    "channel: {c}": "kanaal: {c}",
    "audience: {a}": "doelgroep: {a}",
    "Exercise scenario for the runbook {id}": "Oefenscenario voor het draaiboek {id}",
    "Injects": "Injects",
    "Start run…": "Uitvoering starten…",
    "Start a run of this runbook (Ctrl+N)": "Een uitvoering van dit draaiboek starten (Ctrl+N)",
    "Open link?": "Link openen?",
    "This link leads outside Runbook Assistant:\n\n{url}\n\nOpen it?":
        "Deze link gaat naar buiten Runbook Assistant:\n\n{url}\n\nOpenen?",
    # --- settings ---------------------------------------------------------------------------
    "Settings": "Instellingen",
    "Follow the system": "Systeem volgen",
    "Light": "Licht",
    "Dark": "Donker",
    "Your name or initials": "Je naam of initialen",
    "&Add folder…": "Map &toevoegen…",
    "Re&move folder": "Map ve&rwijderen",
    "&Language:": "T&aal:",
    "&Colours:": "&Kleuren:",
    "&Text size:": "Tekst&grootte:",
    "&Your name:": "&Jouw naam:",
    "Extra runbook &folders:": "Extra draaiboek&mappen:",
    "Municipality:": "Gemeente:",
    "(no name set)": "(geen naam ingesteld)",
    "information number {number}": "informatienummer {number}",
    "Messages fill these in; change them in {file}":
        "Berichten vullen deze gegevens in; wijzig ze in {file}",
    "Add a folder of runbooks": "Een map met draaiboeken toevoegen",
    # --- start a run ------------------------------------------------------------------------
    "(no role)": "(geen rol)",
    "{role}: {present} of {needed} present": "{role}: {present} van {needed} aanwezig",
    "Give the run a title.": "Geef de uitvoering een titel.",
    "Fill in who you are: your name or initials go on every entry.":
        "Vul in wie je bent: je naam of initialen komen bij elke registratie te staan.",
    "Start anyway": "Toch starten",
    "Start run": "Uitvoering starten",
    "Start a run": "Uitvoering starten",
    "Start a run of “{title}”": "Uitvoering starten van “{title}”",
    "&Title:": "&Titel:",
    "&You are:": "&Jouw naam:",
    "Mode:": "Soort:",
    "&Incident": "&Incident",
    "E&xercise": "&Oefening",
    "&Who is present, and in which role (Insert adds a person, Delete removes one):":
        "Wie is &er aanwezig, en in welke rol (Insert voegt iemand toe, Delete haalt iemand "
        "weg):",
    "Name": "Naam",
    "&Add person": "Persoon toe&voegen",
    "&Remove person": "Persoon ve&rwijderen",
    "Minimum staffing of this runbook:": "Minimale bezetting voor dit draaiboek:",
    "Not enough people in every role. You can start anyway: the shortfall is recorded in the "
    "run.":
        "Niet in elke rol genoeg mensen. Je kunt toch starten: het tekort wordt vastgelegd in "
        "de uitvoering.",
    # --- contacts panel ---------------------------------------------------------------------
    "Phone": "Telefoon",
    "Alternate": "Alternatief",
    "(nobody)": "(niemand)",
    "in this run": "in deze uitvoering",
    "on call": "piket",
    "Copied: {text}": "Gekopieerd: {text}",
    "… and {count} more": "… en nog {count}",
    "A contacts file has problems; the rest is used:":
        "Een contactenbestand bevat fouten; de rest wordt gebruikt:",
    "&Find:": "&Zoeken:",
    "Name, role, number or organisation (Ctrl+F)": "Naam, rol, nummer of organisatie (Ctrl+F)",
    "Contacts per role": "Contacten per rol",
    "&Copy numbers": "Nummers &kopiëren",
    "Copy the selected person's numbers (Ctrl+C)":
        "De nummers van de gekozen persoon kopiëren (Ctrl+C)",
    # --- messages panel ---------------------------------------------------------------------
    "Channel": "Kanaal",
    "Audience": "Doelgroep",
    "Message": "Bericht",
    "Sent": "Verstuurd",
    "This runbook has no message templates.": "Dit draaiboek heeft geen berichtsjablonen.",
    "Still to fill in: {names}": "Nog in te vullen: {names}",
    "Record that “{title}” was sent via {channel} to {audience}?":
        "Vastleggen dat “{title}” via {channel} is verstuurd aan {audience}?",
    "Mark as sent": "Als verstuurd vastleggen",
    "Next update due at {time}: in {left}": "Volgende update uiterlijk om {time}: over {left}",
    "Next update was due at {time}: {late} late":
        "Volgende update moest om {time}: {late} te laat",
    "&Messages by channel and audience": "&Berichten per kanaal en doelgroep",
    "Message templates": "Berichtsjablonen",
    "Filled message": "Ingevuld bericht",
    "C&hannel:": "&Kanaal:",
    "&Copy": "&Kopiëren",
    "Copy the filled text (Ctrl+C in the list)": "De ingevulde tekst kopiëren (Ctrl+C in de lijst)",
    "Mark as &sent": "Als &verstuurd vastleggen",
    "Record the exact text as sent (Ctrl+Enter)":
        "Precies deze tekst als verstuurd vastleggen (Ctrl+Enter)",
    # --- services panel ---------------------------------------------------------------------
    "Service": "Dienst",
    "Status": "Status",
    "Since": "Sinds",
    "Down": "Uit",
    "Degraded": "Verstoord",
    "Time to restore": "Hersteltijd",
    "History": "Verloop",
    "up": "werkt",
    "degraded": "verstoord",
    "down": "uit",
    "restored": "hersteld",
    "unknown": "onbekend",
    "The run is closed: the board can no longer change.":
        "De uitvoering is afgesloten: het overzicht kan niet meer veranderen.",
    "This runbook lists no services.": "Dit draaiboek noemt geen diensten.",
    "{service}: {status} recorded.": "{service}: {status} vastgelegd.",
    "&Services, in restore order (residents first)":
        "&Diensten, in volgorde van herstel (inwoners eerst)",
    "Select a service and press 1 up, 2 degraded, 3 down or 4 restored.":
        "Kies een dienst en druk 1 werkt, 2 verstoord, 3 uit of 4 hersteld.",
    "Service impact board": "Overzicht van de diensten",
    "S&tatus:": "S&tatus:",
    "&Note:": "&Notitie:",
    "Optional, saved with the next change": "Optioneel, bewaard bij de volgende wijziging",
    # --- run view ---------------------------------------------------------------------------
    "Decision": "Besluit",
    "Decisions": "Besluiten",
    "&Options (press 1–{n}):": "&Keuzes (druk 1–{n}):",
    "Why this option? What did you know?": "Waarom deze keuze? Wat wist je op dat moment?",
    "optional, e.g. 14:00": "optioneel, bijv. 14:00",
    "&Rationale:": "&Onderbouwing:",
    "O&wner:": "&Eigenaar:",
    "Re&visit by:": "&Herzien uiterlijk:",
    "Enter records the decision · Esc cancels": "Enter legt het besluit vast · Esc annuleert",
    "Record decision": "Besluit vastleggen",
    "When": "Wanneer",
    "Who": "Wie",
    "CONFLICT: laptops chose differently; record a new decision":
        "CONFLICT: laptops kozen verschillend; leg een nieuw besluit vast",
    "withdrawn (the step was reopened)": "ingetrokken (de stap is heropend)",
    "replaced by a later decision": "vervangen door een later besluit",
    "Why: {text}": "Waarom: {text}",
    "Revisit by {when}": "Herzien uiterlijk {when}",
    "{actor}\n(owner {owner})": "{actor}\n(eigenaar {owner})",
    "No decisions yet. On a decision step, press D.":
        "Nog geen besluiten. Druk op D bij een beslisstap.",
    "Four eyes": "Vier ogen",
    "“{step}” counts only when a second person verified it.":
        "“{step}” telt pas als een tweede persoon het heeft gecontroleerd.",
    "Name of the second person": "Naam van de tweede persoon",
    "&Done by:": "&Gedaan door:",
    "&Verified by:": "Ge&controleerd door:",
    "Record as done": "Als gedaan vastleggen",
    "Name who did the step.": "Vul in wie de stap heeft gedaan.",
    "Name the second person who verified it.": "Vul de tweede persoon in die het controleerde.",
    "The verifier must be someone other than {who}: one person does it, another checks it.":
        "De controleur moet iemand anders zijn dan {who}: de een doet het, de ander controleert.",
    "Note": "Notitie",
    "Notes": "Notities",
    "No notes yet.": "Nog geen notities.",
    "Add note… (N)": "Notitie toevoegen… (N)",
    "“{step}” is open again.": "“{step}” staat weer open.",
    "Close run": "Uitvoering afsluiten",
    "Closing the run closes its checklist. The report, notes and action items stay open until "
    "the report is finalised. Summary:":
        "Afsluiten sluit de checklist. Het rapport, de notities en de acties blijven open tot het "
        "rapport definitief is gemaakt. Samenvatting:",
    "This step sends \u201c{title}\u201d: check the text in Messages, send it and press Mark as "
    "sent.":
        "Deze stap verstuurt \u201c{title}\u201d: controleer de tekst bij Berichten, verstuur "
        "hem en kies Als verstuurd vastleggen.",
    "started {time} by {who}": "gestart {time} door {who}",
    "Exercise": "Oefening",
    "Incident": "Incident",
    "Runbook: {title}": "Draaiboek: {title}",
    "{done} of {total} steps done": "{done} van {total} stappen gedaan",
    "%n overdue": ("%n te laat", "%n te laat"),
    "{role}: {present} of {needed}": "{role}: {present} van {needed}",
    "Short of staff — {gaps}": "Te weinig mensen — {gaps}",
    "This run was closed at {time} by {who}; nothing more can be recorded.":
        "Deze uitvoering is om {time} afgesloten door {who}; er kan niets meer worden "
        "vastgelegd.",
    "You: {name}": "Jij: {name}",
    "You: (no name yet)": "Jij: (nog geen naam)",
    "EXERCISE — this is not a real incident": "OEFENING — dit is geen echt incident",
    "Change…": "Wijzigen…",
    "Record under another name": "Onder een andere naam vastleggen",
    "Close run…": "Uitvoering afsluiten…",
    "Dismiss": "Sluiten",
    "Contacts": "Contacten",
    "Messages": "Berichten",
    "Established by a check": "Vastgesteld met een controle",
    "Notes on the checks (draft): they go into the report marked as not established, never into "
    "the council letter. Only a check step in the checklist establishes a statement.":
        "Aantekeningen bij de controles (concept): ze komen in het rapport als niet vastgesteld, "
        "nooit in de raadsinformatiebrief. Alleen een controlestap in de checklist stelt iets "
        "vast.",
    "verified by {who}": "gecontroleerd door {who}",
    "This runbook has no check steps.": "Dit draaiboek heeft geen controlestappen.",
    "Services": "Diensten",
    "Timeline": "Tijdlijn",
    "overdue by {t}": "{t} te laat",
    "due in {t}": "uiterlijk over {t}",
    "timebox over by {t}": "{t} langer dan gepland",
    "{t} left": "nog {t}",
    "due now, {t} late": "nu aan de beurt, {t} te laat",
    "next in {t}": "volgende over {t}",
    "↑ ↓ or J K": "↑ ↓ of J K",
    "Move between steps": "Naar de vorige of volgende stap",
    "→ ←": "→ ←",
    "Open or close a section": "Een onderdeel openen of dichtklappen",
    "Space": "Spatie",
    "Check the step (a four-eyes step asks who verified it)":
        "De stap afvinken (bij vier ogen wordt gevraagd wie controleerde)",
    "U": "U",
    "Undo: reopen the step": "Terugdraaien: de stap heropenen",
    "S": "S",
    "Skip the step (asks why)": "De stap overslaan (vraagt waarom)",
    "N": "N",
    "Add a note": "Een notitie toevoegen",
    "D": "D",
    "Record the decision": "Het besluit vastleggen",
    "Read the step's details (Esc returns)": "De uitleg bij de stap lezen (Esc gaat terug)",
    "Ctrl+F": "Ctrl+F",
    "Search the steps": "Stappen zoeken",
    "Reminder: {steps} — due again now. When it is done, select it and press U, then Space.":
        "Herinnering: {steps} — nu opnieuw aan de beurt. Als het gedaan is: kies de stap en "
        "druk op U, daarna Spatie.",
    "READ-DO": "STAP VOOR STAP",
    "DO-CONFIRM": "ACHTERAF AFVINKEN",
    "Waits for the decision “{d}”.": "Wacht op het besluit “{d}”.",
    "READ-DO: read each step, then do it.": "Stap voor stap: lees elke stap en voer hem dan uit.",
    "DO-CONFIRM: do it from memory, then confirm each step.":
        "Achteraf afvinken: voer uit op geheugen en vink daarna elke stap af.",
    "Not taken: this branch was not chosen.": "Niet gekozen: deze tak is niet genomen.",
    "Not taken: another option was chosen.": "Niet gekozen: er is een andere optie gekozen.",
    "Enter or → opens the section, ← closes it.":
        "Enter of → klapt het onderdeel open, ← klapt het dicht.",
    "Done by {who} at {time}.": "Gedaan door {who} om {time}.",
    "Verified by {who}.": "Gecontroleerd door {who}.",
    "Skipped by {who} at {time}: {reason}": "Overgeslagen door {who} om {time}: {reason}",
    "Open — overdue.": "Open — te laat.",
    "Open.": "Open.",
    "Role: {r}": "Rol: {r}",
    "four eyes: one person does it, another verifies":
        "vier ogen: de een doet het, een ander controleert",
    "D or Space: record the decision · U: reopen it · N: note":
        "D of Spatie: besluit vastleggen · U: heropenen · N: notitie",
    "Space: done · S: skip · U: undo · N: note":
        "Spatie: gedaan · S: overslaan · U: terugdraaien · N: notitie",
    "{n} of {total}": "{n} van {total}",
    "no step matches": "geen stap gevonden",
    "Search the steps… (Enter: next, Esc: back)": "Stappen zoeken… (Enter: volgende, Esc: terug)",
    "Close the search (Esc)": "Zoeken sluiten (Esc)",
    "open": "open",
    "done": "gedaan",
    "skipped": "overgeslagen",
    "not taken": "niet gekozen",
    "waiting for the decision “{d}”": "wacht op het besluit “{d}”",
    "waiting for a decision": "wacht op een besluit",
    "{title}: {done} of {total} done": "{title}: {done} van {total} gedaan",
    "four eyes": "vier ogen",
    "decision: {label}": "besluit: {label}",
    "waits for a decision": "wacht op een besluit",
    "done by {who} at {time}": "gedaan door {who} om {time}",
    ", verified by {who}": ", gecontroleerd door {who}",
    "skipped by {who} at {time}: {reason}": "overgeslagen door {who} om {time}: {reason}",
    "entered later": "later ingevoerd",
    "Enter saves · Shift+Enter: new line · Esc cancels":
        "Enter bewaart · Shift+Enter: nieuwe regel · Esc annuleert",
    "Skip step": "Stap overslaan",
    "Why is “{step}” skipped? The reason goes into the log.":
        "Waarom wordt “{step}” overgeslagen? De reden komt in het logboek.",
    "e.g. not needed: the supplier already did this":
        "bijv. niet nodig: de leverancier heeft dit al gedaan",
    "Note on “{step}”:": "Notitie bij “{step}”:",
    "Note on the run:": "Notitie bij de uitvoering:",
    "Add note": "Notitie toevoegen",
    "Save note": "Notitie bewaren",
    "Who are you?": "Wie ben je?",
    "Your name or initials. Everything you record from now on is recorded under this name.":
        "Je naam of initialen. Alles wat je vanaf nu vastlegt, staat op deze naam.",
    "Use this name": "Deze naam gebruiken",
    "Time": "Tijd",
    "What": "Wat",
    "{kind} · recorded {wall} · device {device} #{seq}":
        "{kind} · vastgelegd {wall} · apparaat {device} #{seq}",
    "Entered later.": "Later ingevoerd.",
    "%n events": ("%n gebeurtenis", "%n gebeurtenissen"),
    "{shown} of %n events": ("{shown} van %n gebeurtenis", "{shown} van %n gebeurtenissen"),
    "Filter the timeline…": "Tijdlijn filteren…",
    "Filter the timeline": "Tijdlijn filteren",
    "All kinds": "Alle soorten",
    "Steps": "Stappen",
    "Timers": "Tijden",
    "People": "Mensen",
    "Run": "Uitvoering",
    # --- exercise panel ---------------------------------------------------------------------
    "The exercise is closed.": "De oefening is afgesloten.",
    "Every inject has been delivered.": "Alle injects zijn uitgereikt.",
    "This exercise has no scenario, so no injects.":
        "Deze oefening heeft geen scenario, dus geen injects.",
    "everyone": "iedereen",
    "Next inject {at} for {role}, in {left}": "Volgende inject {at} voor {role}, over {left}",
    "For the exercise leader: {note}": "Voor de oefenleider: {note}",
    "No inject yet for this role.": "Nog geen inject voor deze rol.",
    "INJECT {at} for {role}\n{text}": "INJECT {at} voor {role}\n{text}",
    "INJECT {at} for {role}: {text}": "INJECT {at} voor {role}: {text}",
    "Observation recorded.": "Waarneming vastgelegd.",
    "Debrief written to {path}": "Evaluatie opgeslagen in {path}",
    "Save the debrief": "De evaluatie opslaan",
    "Web page (*.html);;PDF (*.pdf)": "Webpagina (*.html);;PDF (*.pdf)",
    "Pause": "Pauze",
    "Stop the exercise clock (press again to go on)":
        "De oefenklok stilzetten (nog eens drukken om door te gaan)",
    "Run the exercise clock {n} times as fast": "De oefenklok {n} keer zo snel laten lopen",
    "Run the exercise clock in real time": "De oefenklok in werkelijke tijd laten lopen",
    "Next inject": "Volgende inject",
    "Move the clock ahead to the next inject and deliver it":
        "De klok vooruitzetten naar de volgende inject en die uitreiken",
    "Debrief…": "Evaluatie…",
    "Exercise time since the start": "Oefentijd sinds de start",
    "Show injects &for:": "Injects tonen &voor:",
    "All roles": "Alle rollen",
    "Observation: what an observer saw…": "Waarneming: wat een waarnemer zag…",
    "Add observation": "Waarneming toevoegen",
    "Show in&jects for:": "In&jects tonen voor:",
    # --- rehearsal overview -----------------------------------------------------------------
    "never rehearsed": "nooit geoefend",
    "Never exercised: no step of this runbook has been rehearsed yet.":
        "Nooit geoefend: geen enkele stap van dit draaiboek is al geoefend.",
    "Exercise runs: {n}, the last on {date}.": "Oefeningen: {n}, de laatste op {date}.",
    "Steps never rehearsed: {n} of {total}.": "Nooit geoefende stappen: {n} van {total}.",
    "Per step": "Per stap",
    "When each step was last rehearsed and how long it typically takes":
        "Wanneer elke stap voor het laatst is geoefend en hoe lang die meestal duurt",
    "Step": "Stap",
    "Last rehearsed": "Laatst geoefend",
    "Typical duration": "Gebruikelijke duur",
    "Times": "Keren",
    "{title} — not taken": "{title} — niet gekozen",
    # --- sync -------------------------------------------------------------------------------
    "E&xport for sync…": "E&xporteren voor synchronisatie…",
    "&Import…": "&Importeren…",
    "Merge a sync bundle from another laptop":
        "Een synchronisatiebundel van een andere laptop samenvoegen",
    "Export for sync": "Exporteren voor synchronisatie",
    "Sync bundles (*.sqlite *.db);;All files (*)":
        "Synchronisatiebundels (*.sqlite *.db);;Alle bestanden (*)",
    "Import a sync bundle": "Een synchronisatiebundel importeren",
    # Team hub (settings, status bar)
    "Team &hub:": "Team&hub:",
    "https://hub.example.nl (empty: no team hub)": "https://hub.voorbeeld.nl (leeg: geen teamhub)",
    "refused: {message}": "geweigerd: {message}",
    "offline since {time} — working locally": "offline sinds {time} — er wordt lokaal doorgewerkt",
    "syncing with the team hub…": "bezig met synchroniseren met de teamhub…",
    "synced {n} s ago": "{n} s geleden gesynchroniseerd",
    "synced {n} min ago": "{n} min geleden gesynchroniseerd",
    "S&ync with the team hub now": "Nu s&ynchroniseren met de teamhub",
    "Send what this laptop recorded and fetch what the others recorded, without waiting for "
    "the next automatic sync": "Verstuur wat deze laptop vastlegde en haal op wat de anderen "
    "vastlegden, zonder op de volgende automatische synchronisatie te wachten",
    # Export menu
    "E&xport": "E&xporteren",
    "Export": "Exporteren",
    "Exporting…": "Bezig met exporteren…",
    "Exported": "Geëxporteerd",
    "Written to %1": "Opgeslagen in %1",
    "Open the result": "Resultaat openen",
    "Cancel": "Annuleren",
    # Report screen, action items, runs archive
    "Action": "Actie",
    "Owner": "Eigenaar",
    "Due": "Uiterlijk",
    "done ({who})": "afgerond ({who})",
    "overdue": "te laat",
    "closed": "afgesloten",
    "by {who}, {when}": "door {who}, {when}",
    "Report version {n}: final, finalised by {who} on {when}.":
        "Rapport versie {n}: definitief, vastgesteld door {who} op {when}.",
    "Report version {n}: draft.": "Rapport versie {n}: concept.",
    "The run is still open; close it before finalising.":
        "De uitvoering loopt nog; sluit haar af voordat je het rapport definitief maakt.",
    "&Save (Ctrl+S)": "&Opslaan (Ctrl+S)",
    "&Finalise the report": "Rapport &definitief maken",
    "&Add action item…": "Actiepunt &toevoegen…",
    "Mark &done": "&Afgerond",
    "Action &items": "Actie&punten",
    "&Preview of the incident report": "&Voorbeeld van het incidentrapport",
    "New action item": "Nieuw actiepunt",
    "YYYY-MM-DD": "JJJJ-MM-DD",
    "runbook id (optional)": "draaiboek-id (niet verplicht)",
    "&Action:": "&Actie:",
    "&Owner:": "&Eigenaar:",
    "D&ue date:": "&Uiterlijk op:",
    "&Runbook to change:": "Aan te passen &draaiboek:",
    "Add": "Toevoegen",
    "Started": "Gestart",
    "Title": "Titel",
    "Runbook": "Draaiboek",
    "Report": "Rapport",
    "Open actions": "Open acties",
    "version {n}, final": "versie {n}, definitief",
    "version {n}, draft": "versie {n}, concept",
    "{n} ({overdue} overdue)": "{n} ({overdue} te laat)",
    "Overdue action items: {n}": "Actiepunten te laat: {n}",
    "&Search:": "&Zoeken:",
    "title, runbook or date (YYYY-MM-DD)": "titel, draaiboek of datum (JJJJ-MM-DD)",
    "&Incidents": "&Incidenten",
    "E&xercises": "&Oefeningen",
    "&Open the run": "Uitvoering &openen",
    "Open the &report": "&Rapport openen",
    "Runs archive": "Archief van uitvoeringen",
    "Open a run (or select one in the archive) first.":
        "Open eerst een uitvoering (of kies er een in het archief).",
    "Report · {title}": "Rapport · {title}",
    "Runs &archive": "&Archief van uitvoeringen",
    "Re&port of this run": "Ra&pport van deze uitvoering",
    # --- authoring: editor, approval ----------------------------------------------------------
    "approved": "goedgekeurd",
    "review due": "herziening nodig",
    "not approved": "niet goedgekeurd",
    "never approved": "nooit goedgekeurd",
    "Approved file's sha256: {sha}": "Sha256 van het goedgekeurde bestand: {sha}",
    "&Import a document…": "Document &importeren…",
    "Import a document as a runbook": "Een document als draaiboek importeren",
    "Word documents and Markdown (*.docx *.md *.markdown *.txt);;All files (*)":
        "Word-documenten en Markdown (*.docx *.md *.markdown *.txt);;Alle bestanden (*)",
    "Save the imported runbook as": "Het geïmporteerde draaiboek opslaan als",
    "{source} is imported as {target}.": "{source} is geïmporteerd als {target}.",
    "Sections: {sections} · steps: {steps} · message templates: {messages}. Check it, then "
    "approve it.": "Onderdelen: {sections} · stappen: {steps} · berichtsjablonen: {messages}. "
                   "Controleer het en keur het dan goed.",
    "{count} contacts from its tables are in {file}: check them and add them to your contacts.":
        "{count} contacten uit de tabellen staan in {file}: controleer ze en voeg ze toe aan je "
        "contacten.",
    "Document imported": "Document geïmporteerd",
    "What the import guessed (line: note):": "Wat de import heeft aangenomen (regel: opmerking):",
    "edited since it was approved: the approval is void":
        "gewijzigd na de goedkeuring: de goedkeuring vervalt",
    "the approval's signature does not match": "de handtekening van de goedkeuring klopt niet",
    "the approval file is damaged": "het goedkeuringsbestand is beschadigd",
    "the approval file cannot be read": "het goedkeuringsbestand is niet te lezen",
    "&Runbook": "&Draaiboek",
    "&Edit runbook": "Draaiboek &bewerken",
    "&Open runbook file…": "Draaiboekbestand &openen…",
    "&New runbook…": "&Nieuw draaiboek…",
    "&Approve…": "&Goedkeuren…",
    "Open a runbook file": "Een draaiboekbestand openen",
    "Runbooks (*.md)": "Draaiboeken (*.md)",
    "{path} cannot be opened as text: {why}": "{path} is niet als tekst te openen: {why}",
    "Open a Markdown file saved as UTF-8.":
        "Open een Markdown-bestand dat als UTF-8 is opgeslagen.",
    "New runbook": "Nieuw draaiboek",
    "Title of the runbook:": "Titel van het draaiboek:",
    "Where to save the new runbook": "Waar het nieuwe draaiboek komt",
    "Saved {path}": "Opgeslagen: {path}",
    "Save the runbook before approving it.": "Sla het draaiboek op voordat je het goedkeurt.",
    "Approve {name}": "{name} goedkeuren",
    "Approved by (your name):": "Goedgekeurd door (je naam):",
    "Approved version {version} of {name} as {who}":
        "Versie {version} van {name} goedgekeurd door {who}",
    " by {who} on {when}": " door {who} op {when}",
    "Version {version} of this runbook is not approved ({why}).":
        "Versie {version} van dit draaiboek is niet goedgekeurd ({why}).",
    "The review of this runbook was due on {date}.":
        "Dit draaiboek had op {date} herzien moeten zijn.",
    "You can start the run; it records that it ran this version.":
        "Je kunt de run starten; de run legt vast dat hij deze versie gebruikte.",
    "line {line}: error: {text}": "regel {line}: fout: {text}",
    "line {line}: warning: {text}": "regel {line}: waarschuwing: {text}",
    "No findings: the runbook is ready to run.": "Geen bevindingen: het draaiboek kan starten.",
    "The file cannot be read as a runbook: see the findings.":
        "Het bestand is niet als draaiboek te lezen: zie de bevindingen.",
    "Save a copy of the runbook": "Een kopie van het draaiboek opslaan",
    "Unsaved changes": "Niet-opgeslagen wijzigingen",
    "{name} has changes that are not saved. Save them?":
        "{name} heeft wijzigingen die niet zijn opgeslagen. Opslaan?",
    "Bundled runbook, read-only: use Save a copy… to change it.":
        "Meegeleverd draaiboek, alleen-lezen: gebruik Kopie opslaan… om het te wijzigen.",
    "Not saved.": "Niet opgeslagen.",
    "1 error: it cannot be started until it is fixed.":
        "1 fout: het kan pas starten als die is opgelost.",
    "{n} errors: it cannot be started until they are fixed.":
        "{n} fouten: het kan pas starten als die zijn opgelost.",
    "&Save": "&Opslaan",
    "Save the runbook (Ctrl+S)": "Het draaiboek opslaan (Ctrl+S)",
    "Save a &copy…": "&Kopie opslaan…",
    "Save the runbook under another name (Ctrl+Shift+S)":
        "Het draaiboek onder een andere naam opslaan (Ctrl+Shift+S)",
    "Sign this version as approved": "Deze versie ondertekenen als goedgekeurd",
    "Runbook text": "Tekst van het draaiboek",
    "Findings": "Bevindingen",
    "&Findings (F8; Enter goes to the line)": "&Bevindingen (F8; Enter gaat naar de regel)",
    "&Preview of the checklist": "&Voorbeeld van de checklist",
    "Preview of the checklist": "Voorbeeld van de checklist",
    "Save the runbook": "Het draaiboek opslaan",
    "Go to the findings list (Enter: to the line)":
        "Naar de lijst met bevindingen (Enter: naar de regel)",
    "Back from the findings list to the text": "Van de bevindingen terug naar de tekst",
    # Crisis discipline: qualified four eyes, overrides, checked statements, discovery.
    "ruled out": "uitgesloten",
    "not ruled out": "niet uitgesloten",
    "still under investigation": "nog in onderzoek",
    "Choose the outcome": "Kies de uitkomst",
    "&Reason for the override (recorded in red, with your name):":
        "&Reden voor het doorbreken (vastgelegd in rood, met uw naam):",
    "Why the rule is set aside": "Waarom de regel wordt doorbroken",
    "&Outcome:": "&Uitkomst:",
    "&Override…": "&Doorbreken…",
    "(nobody: done alone)": "(niemand: alleen gedaan)",
    "Choose the second person": "Kies de tweede persoon",
    "no role": "geen rol",
    "{name} ({held}) is not offered: not a {roles}.":
        "{name} ({held}) staat er niet bij: geen {roles}.",
    "Nobody takes part in this run yet: add people with their roles (Participants) before a "
    "four-eyes step.": "Er doet nog niemand mee aan deze run: voeg mensen met hun rol toe "
                       "(Deelnemers) vóór een vier-ogenstap.",
    "Record with override": "Vastleggen met doorbreking",
    "Nobody taking part may perform this step.": "Niemand die meedoet mag deze stap uitvoeren.",
    "Nobody taking part may verify it.": "Niemand die meedoet mag hem controleren.",
    "Staff short: {what}.": "Te weinig mensen: {what}.",
    "Choose who did the step.": "Kies wie de stap heeft gedaan.",
    "Give the reason for the override: it cannot be empty.":
        "Geef de reden voor het doorbreken: die mag niet leeg zijn.",
    "Override… records it anyway, with a reason.":
        "Doorbreken… legt het toch vast, met een reden.",
    "Choose the second person who verified it.": "Kies de tweede persoon die het controleerde.",
    "Choose the outcome of the check.": "Kies de uitkomst van de controle.",
    "Outcome of the check": "Uitkomst van de controle",
    "“{step}”: what did the check establish? (press 1–3)":
        "“{step}”: wat heeft de controle vastgesteld? (druk 1–3)",
    "Record the outcome": "Uitkomst vastleggen",
    "due in {t}, by {date}": "over {t}, uiterlijk {date}",
    "The moment of discovery is HH:MM (today) or a date and time such as 2026-11-23 10:47, and "
    "not in the future.": "Het moment van ontdekking is UU:MM (vandaag) of een datum en tijd "
                          "zoals 2026-11-23 10:47, en niet in de toekomst.",
    "&Discovered at:": "&Ontdekt om:",
    "HH:MM or 2026-11-23 10:47 — legal deadlines count from it (empty: now)":
        "UU:MM of 2026-11-23 10:47 — wettelijke termijnen tellen vanaf dan (leeg: nu)",
    "outcome: {outcome}": "uitkomst: {outcome}",
    "OVERRIDE by {who}: {reason}": "DOORBROKEN door {who}: {reason}",
    "Override": "Doorbreken",
    "{refused}.\n\nRecord it anyway? Say why the rule is set aside: the reason and your name "
    "are recorded and shown in red.": "{refused}.\n\nToch vastleggen? Zeg waarom de regel "
                                      "wordt doorbroken: de reden en uw naam worden vastgelegd "
                                      "en in rood getoond.",
    "e.g. the second specialist is on the phone and follows every command":
        "bijv. de tweede specialist is aan de telefoon en volgt elk commando",
}
