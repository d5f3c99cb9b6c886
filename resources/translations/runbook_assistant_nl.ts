<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
  <context>
    <name>ActionDialog</name>
    <message>
      <source>New action item</source>
      <translation>Nieuw actiepunt</translation>
    </message>
    <message>
      <source>YYYY-MM-DD</source>
      <translation>JJJJ-MM-DD</translation>
    </message>
    <message>
      <source>runbook id (optional)</source>
      <translation>draaiboek-id (niet verplicht)</translation>
    </message>
    <message>
      <source>&amp;Action:</source>
      <translation>&amp;Actie:</translation>
    </message>
    <message>
      <source>&amp;Owner:</source>
      <translation>&amp;Eigenaar:</translation>
    </message>
    <message>
      <source>D&amp;ue date:</source>
      <translation>&amp;Uiterlijk op:</translation>
    </message>
    <message>
      <source>&amp;Runbook to change:</source>
      <translation>Aan te passen &amp;draaiboek:</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>Toevoegen</translation>
    </message>
  </context>
  <context>
    <name>ActionsModel</name>
    <message>
      <source>Action</source>
      <translation>Actie</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Eigenaar</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Uiterlijk</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>done ({who})</source>
      <translation>afgerond ({who})</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>te laat</translation>
    </message>
    <message>
      <source>open</source>
      <translation>open</translation>
    </message>
  </context>
  <context>
    <name>App</name>
    <message>
      <source>Runbook Assistant is already open on {file}.

Switch to that window: one window at a time uses a database.</source>
      <translation>Runbook Assistant is al geopend op {file}.

Ga naar dat venster: er kan maar één venster tegelijk een database gebruiken.</translation>
    </message>
    <message>
      <source>Runbook Assistant cannot use {file}: the lock file beside it cannot be created. Check that the folder exists and is writable.</source>
      <translation>Runbook Assistant kan {file} niet gebruiken: het vergrendelbestand ernaast kan niet worden gemaakt. Controleer of de map bestaat en of je erin mag schrijven.</translation>
    </message>
  </context>
  <context>
    <name>Approval</name>
    <message>
      <source>approved</source>
      <translation>goedgekeurd</translation>
    </message>
    <message>
      <source>review due</source>
      <translation>herziening nodig</translation>
    </message>
    <message>
      <source>not approved</source>
      <translation>niet goedgekeurd</translation>
    </message>
    <message>
      <source>never approved</source>
      <translation>nooit goedgekeurd</translation>
    </message>
    <message>
      <source>edited since it was approved: the approval is void</source>
      <translation>gewijzigd na de goedkeuring: de goedkeuring vervalt</translation>
    </message>
    <message>
      <source>the approval's signature does not match</source>
      <translation>de handtekening van de goedkeuring klopt niet</translation>
    </message>
    <message>
      <source>the approval file is damaged</source>
      <translation>het goedkeuringsbestand is beschadigd</translation>
    </message>
    <message>
      <source>the approval file cannot be read</source>
      <translation>het goedkeuringsbestand is niet te lezen</translation>
    </message>
  </context>
  <context>
    <name>ArchiveModel</name>
    <message>
      <source>Started</source>
      <translation>Gestart</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Titel</translation>
    </message>
    <message>
      <source>Runbook</source>
      <translation>Draaiboek</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>Open actions</source>
      <translation>Open acties</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>afgesloten</translation>
    </message>
    <message>
      <source>open</source>
      <translation>open</translation>
    </message>
    <message>
      <source>version {n}, final</source>
      <translation>versie {n}, definitief</translation>
    </message>
    <message>
      <source>version {n}, draft</source>
      <translation>versie {n}, concept</translation>
    </message>
    <message>
      <source>{n} ({overdue} overdue)</source>
      <translation>{n} ({overdue} te laat)</translation>
    </message>
  </context>
  <context>
    <name>AuthoringActions</name>
    <message>
      <source>&amp;Runbook</source>
      <translation>&amp;Draaiboek</translation>
    </message>
    <message>
      <source>&amp;Edit runbook</source>
      <translation>Draaiboek &amp;bewerken</translation>
    </message>
    <message>
      <source>&amp;Open runbook file…</source>
      <translation>Draaiboekbestand &amp;openen…</translation>
    </message>
    <message>
      <source>&amp;New runbook…</source>
      <translation>&amp;Nieuw draaiboek…</translation>
    </message>
    <message>
      <source>&amp;Import a document…</source>
      <translation>Document &amp;importeren…</translation>
    </message>
    <message>
      <source>&amp;Approve…</source>
      <translation>&amp;Goedkeuren…</translation>
    </message>
    <message>
      <source>Select a runbook first.</source>
      <translation>Kies eerst een draaiboek.</translation>
    </message>
    <message>
      <source>Open a runbook file</source>
      <translation>Een draaiboekbestand openen</translation>
    </message>
    <message>
      <source>Runbooks (*.md)</source>
      <translation>Draaiboeken (*.md)</translation>
    </message>
    <message>
      <source>{path} cannot be opened as text: {why}</source>
      <translation>{path} is niet als tekst te openen: {why}</translation>
    </message>
    <message>
      <source>Open a Markdown file saved as UTF-8.</source>
      <translation>Open een Markdown-bestand dat als UTF-8 is opgeslagen.</translation>
    </message>
    <message>
      <source>New runbook</source>
      <translation>Nieuw draaiboek</translation>
    </message>
    <message>
      <source>Title of the runbook:</source>
      <translation>Titel van het draaiboek:</translation>
    </message>
    <message>
      <source>Where to save the new runbook</source>
      <translation>Waar het nieuwe draaiboek komt</translation>
    </message>
    <message>
      <source>Saved {path}</source>
      <translation>Opgeslagen: {path}</translation>
    </message>
    <message>
      <source>Save the runbook before approving it.</source>
      <translation>Sla het draaiboek op voordat je het goedkeurt.</translation>
    </message>
    <message>
      <source>Approve {name}</source>
      <translation>{name} goedkeuren</translation>
    </message>
    <message>
      <source>Approved by (your name):</source>
      <translation>Goedgekeurd door (je naam):</translation>
    </message>
    <message>
      <source>Approved version {version} of {name} as {who}</source>
      <translation>Versie {version} van {name} goedgekeurd door {who}</translation>
    </message>
    <message>
      <source> by {who} on {when}</source>
      <translation> door {who} op {when}</translation>
    </message>
    <message>
      <source>Version {version} of this runbook is not approved ({why}).</source>
      <translation>Versie {version} van dit draaiboek is niet goedgekeurd ({why}).</translation>
    </message>
    <message>
      <source>The review of this runbook was due on {date}.</source>
      <translation>Dit draaiboek had op {date} herzien moeten zijn.</translation>
    </message>
    <message>
      <source>You can start the run; it records that it ran this version.</source>
      <translation>Je kunt de run starten; de run legt vast dat hij deze versie gebruikte.</translation>
    </message>
  </context>
  <context>
    <name>ContactsModel</name>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Telefoon</translation>
    </message>
    <message>
      <source>Alternate</source>
      <translation>Alternatief</translation>
    </message>
    <message>
      <source>(no role)</source>
      <translation>(geen rol)</translation>
    </message>
    <message>
      <source>(nobody)</source>
      <translation>(niemand)</translation>
    </message>
    <message>
      <source>in this run</source>
      <translation>in deze uitvoering</translation>
    </message>
    <message>
      <source>on call</source>
      <translation>piket</translation>
    </message>
  </context>
  <context>
    <name>ContactsView</name>
    <message>
      <source>Copied: {text}</source>
      <translation>Gekopieerd: {text}</translation>
    </message>
    <message>
      <source>… and {count} more</source>
      <translation>… en nog {count}</translation>
    </message>
    <message>
      <source>A contacts file has problems; the rest is used:</source>
      <translation>Een contactenbestand bevat fouten; de rest wordt gebruikt:</translation>
    </message>
    <message>
      <source>&amp;Find:</source>
      <translation>&amp;Zoeken:</translation>
    </message>
    <message>
      <source>Name, role, number or organisation (Ctrl+F)</source>
      <translation>Naam, rol, nummer of organisatie (Ctrl+F)</translation>
    </message>
    <message>
      <source>Contacts per role</source>
      <translation>Contacten per rol</translation>
    </message>
    <message>
      <source>&amp;Copy numbers</source>
      <translation>Nummers &amp;kopiëren</translation>
    </message>
    <message>
      <source>Copy the selected person's numbers (Ctrl+C)</source>
      <translation>De nummers van de gekozen persoon kopiëren (Ctrl+C)</translation>
    </message>
  </context>
  <context>
    <name>DecisionDialog</name>
    <message>
      <source>Decision</source>
      <translation>Besluit</translation>
    </message>
    <message>
      <source>&amp;Options (press 1–{n}):</source>
      <translation>&amp;Keuzes (druk 1–{n}):</translation>
    </message>
    <message>
      <source>Why this option? What did you know?</source>
      <translation>Waarom deze keuze? Wat wist je op dat moment?</translation>
    </message>
    <message>
      <source>optional, e.g. 14:00</source>
      <translation>optioneel, bijv. 14:00</translation>
    </message>
    <message>
      <source>&amp;Rationale:</source>
      <translation>&amp;Onderbouwing:</translation>
    </message>
    <message>
      <source>O&amp;wner:</source>
      <translation>&amp;Eigenaar:</translation>
    </message>
    <message>
      <source>Re&amp;visit by:</source>
      <translation>&amp;Herzien uiterlijk:</translation>
    </message>
    <message>
      <source>Enter records the decision · Esc cancels</source>
      <translation>Enter legt het besluit vast · Esc annuleert</translation>
    </message>
    <message>
      <source>Record decision</source>
      <translation>Besluit vastleggen</translation>
    </message>
  </context>
  <context>
    <name>DecisionsModel</name>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Decision</source>
      <translation>Besluit</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>CONFLICT: laptops chose differently; record a new decision</source>
      <translation>CONFLICT: laptops kozen verschillend; leg een nieuw besluit vast</translation>
    </message>
    <message>
      <source>withdrawn (the step was reopened)</source>
      <translation>ingetrokken (de stap is heropend)</translation>
    </message>
    <message>
      <source>replaced by a later decision</source>
      <translation>vervangen door een later besluit</translation>
    </message>
    <message>
      <source>Why: {text}</source>
      <translation>Waarom: {text}</translation>
    </message>
    <message>
      <source>Revisit by {when}</source>
      <translation>Herzien uiterlijk {when}</translation>
    </message>
    <message>
      <source>{actor}
(owner {owner})</source>
      <translation>{actor}
(eigenaar {owner})</translation>
    </message>
  </context>
  <context>
    <name>DecisionsView</name>
    <message>
      <source>No decisions yet. On a decision step, press D.</source>
      <translation>Nog geen besluiten. Druk op D bij een beslisstap.</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>Besluiten</translation>
    </message>
  </context>
  <context>
    <name>Errors</name>
    <message>
      <source>Something went wrong inside Runbook Assistant. What you recorded so far is safe; you can go on working.</source>
      <translation>Er ging iets mis in Runbook Assistant. Wat je tot nu toe hebt vastgelegd is veilig; je kunt gewoon verder werken.</translation>
    </message>
  </context>
  <context>
    <name>ExercisePanel</name>
    <message>
      <source>The exercise is closed.</source>
      <translation>De oefening is afgesloten.</translation>
    </message>
    <message>
      <source>Every inject has been delivered.</source>
      <translation>Alle injects zijn uitgereikt.</translation>
    </message>
    <message>
      <source>This exercise has no scenario, so no injects.</source>
      <translation>Deze oefening heeft geen scenario, dus geen injects.</translation>
    </message>
    <message>
      <source>everyone</source>
      <translation>iedereen</translation>
    </message>
    <message>
      <source>Next inject {at} for {role}, in {left}</source>
      <translation>Volgende inject {at} voor {role}, over {left}</translation>
    </message>
    <message>
      <source>For the exercise leader: {note}</source>
      <translation>Voor de oefenleider: {note}</translation>
    </message>
    <message>
      <source>No inject yet for this role.</source>
      <translation>Nog geen inject voor deze rol.</translation>
    </message>
    <message>
      <source>INJECT {at} for {role}
{text}</source>
      <translation>INJECT {at} voor {role}
{text}</translation>
    </message>
    <message>
      <source>Observation recorded.</source>
      <translation>Waarneming vastgelegd.</translation>
    </message>
    <message>
      <source>Debrief written to {path}</source>
      <translation>Evaluatie opgeslagen in {path}</translation>
    </message>
    <message>
      <source>Save the debrief</source>
      <translation>De evaluatie opslaan</translation>
    </message>
    <message>
      <source>Web page (*.html);;PDF (*.pdf)</source>
      <translation>Webpagina (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>Pauze</translation>
    </message>
    <message>
      <source>Stop the exercise clock (press again to go on)</source>
      <translation>De oefenklok stilzetten (nog eens drukken om door te gaan)</translation>
    </message>
    <message>
      <source>Run the exercise clock {n} times as fast</source>
      <translation>De oefenklok {n} keer zo snel laten lopen</translation>
    </message>
    <message>
      <source>Run the exercise clock in real time</source>
      <translation>De oefenklok in werkelijke tijd laten lopen</translation>
    </message>
    <message>
      <source>Next inject</source>
      <translation>Volgende inject</translation>
    </message>
    <message>
      <source>Move the clock ahead to the next inject and deliver it</source>
      <translation>De klok vooruitzetten naar de volgende inject en die uitreiken</translation>
    </message>
    <message>
      <source>Debrief…</source>
      <translation>Evaluatie…</translation>
    </message>
    <message>
      <source>Exercise time since the start</source>
      <translation>Oefentijd sinds de start</translation>
    </message>
    <message>
      <source>Show in&amp;jects for:</source>
      <translation>In&amp;jects tonen voor:</translation>
    </message>
    <message>
      <source>All roles</source>
      <translation>Alle rollen</translation>
    </message>
    <message>
      <source>Observation: what an observer saw…</source>
      <translation>Waarneming: wat een waarnemer zag…</translation>
    </message>
    <message>
      <source>Add observation</source>
      <translation>Waarneming toevoegen</translation>
    </message>
  </context>
  <context>
    <name>ExportMenu</name>
    <message>
      <source>E&amp;xport</source>
      <translation>E&amp;xporteren</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exporteren</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Bezig met exporteren…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuleren</translation>
    </message>
    <message>
      <source>Exported</source>
      <translation>Geëxporteerd</translation>
    </message>
    <message>
      <source>Written to %1</source>
      <translation>Opgeslagen in %1</translation>
    </message>
    <message>
      <source>Open the result</source>
      <translation>Resultaat openen</translation>
    </message>
  </context>
  <context>
    <name>FourEyesDialog</name>
    <message>
      <source>Four eyes</source>
      <translation>Vier ogen</translation>
    </message>
    <message>
      <source>“{step}” counts only when a second person verified it.</source>
      <translation>“{step}” telt pas als een tweede persoon het heeft gecontroleerd.</translation>
    </message>
    <message>
      <source>ruled out</source>
      <translation>uitgesloten</translation>
    </message>
    <message>
      <source>not ruled out</source>
      <translation>niet uitgesloten</translation>
    </message>
    <message>
      <source>still under investigation</source>
      <translation>nog in onderzoek</translation>
    </message>
    <message>
      <source>Choose the outcome</source>
      <translation>Kies de uitkomst</translation>
    </message>
    <message>
      <source>&amp;Reason for the override (recorded in red, with your name):</source>
      <translation>&amp;Reden voor het doorbreken (vastgelegd in rood, met uw naam):</translation>
    </message>
    <message>
      <source>Why the rule is set aside</source>
      <translation>Waarom de regel wordt doorbroken</translation>
    </message>
    <message>
      <source>&amp;Done by:</source>
      <translation>&amp;Gedaan door:</translation>
    </message>
    <message>
      <source>&amp;Verified by:</source>
      <translation>Ge&amp;controleerd door:</translation>
    </message>
    <message>
      <source>&amp;Outcome:</source>
      <translation>&amp;Uitkomst:</translation>
    </message>
    <message>
      <source>Record as done</source>
      <translation>Als gedaan vastleggen</translation>
    </message>
    <message>
      <source>&amp;Override…</source>
      <translation>&amp;Doorbreken…</translation>
    </message>
    <message>
      <source>(nobody: done alone)</source>
      <translation>(niemand: alleen gedaan)</translation>
    </message>
    <message>
      <source>Choose the second person</source>
      <translation>Kies de tweede persoon</translation>
    </message>
    <message>
      <source>no role</source>
      <translation>geen rol</translation>
    </message>
    <message>
      <source>{name} ({held}) is not offered: not a {roles}.</source>
      <translation>{name} ({held}) staat er niet bij: geen {roles}.</translation>
    </message>
    <message>
      <source>Nobody takes part in this run yet: add people with their roles (Participants) before a four-eyes step.</source>
      <translation>Er doet nog niemand mee aan deze run: voeg mensen met hun rol toe (Deelnemers) vóór een vier-ogenstap.</translation>
    </message>
    <message>
      <source>Record with override</source>
      <translation>Vastleggen met doorbreking</translation>
    </message>
    <message>
      <source>Nobody taking part may perform this step.</source>
      <translation>Niemand die meedoet mag deze stap uitvoeren.</translation>
    </message>
    <message>
      <source>Nobody taking part may verify it.</source>
      <translation>Niemand die meedoet mag hem controleren.</translation>
    </message>
    <message>
      <source>Staff short: {what}.</source>
      <translation>Te weinig mensen: {what}.</translation>
    </message>
    <message>
      <source>Choose who did the step.</source>
      <translation>Kies wie de stap heeft gedaan.</translation>
    </message>
    <message>
      <source>Give the reason for the override: it cannot be empty.</source>
      <translation>Geef de reden voor het doorbreken: die mag niet leeg zijn.</translation>
    </message>
    <message>
      <source>Override… records it anyway, with a reason.</source>
      <translation>Doorbreken… legt het toch vast, met een reden.</translation>
    </message>
    <message>
      <source>Choose the second person who verified it.</source>
      <translation>Kies de tweede persoon die het controleerde.</translation>
    </message>
    <message>
      <source>Choose the outcome of the check.</source>
      <translation>Kies de uitkomst van de controle.</translation>
    </message>
  </context>
  <context>
    <name>HubSync</name>
    <message>
      <source>S&amp;ync with the team hub now</source>
      <translation>Nu s&amp;ynchroniseren met de teamhub</translation>
    </message>
    <message>
      <source>Send what this laptop recorded and fetch what the others recorded, without waiting for the next automatic sync</source>
      <translation>Verstuur wat deze laptop vastlegde en haal op wat de anderen vastlegden, zonder op de volgende automatische synchronisatie te wachten</translation>
    </message>
    <message>
      <source>refused: {message}</source>
      <translation>geweigerd: {message}</translation>
    </message>
    <message>
      <source>offline since {time} — working locally</source>
      <translation>offline sinds {time} — er wordt lokaal doorgewerkt</translation>
    </message>
    <message>
      <source>syncing with the team hub…</source>
      <translation>bezig met synchroniseren met de teamhub…</translation>
    </message>
    <message>
      <source>synced {n} s ago</source>
      <translation>{n} s geleden gesynchroniseerd</translation>
    </message>
    <message>
      <source>synced {n} min ago</source>
      <translation>{n} min geleden gesynchroniseerd</translation>
    </message>
  </context>
  <context>
    <name>ImportDocument</name>
    <message>
      <source>Import a document as a runbook</source>
      <translation>Een document als draaiboek importeren</translation>
    </message>
    <message>
      <source>Word documents and Markdown (*.docx *.md *.markdown *.txt);;All files (*)</source>
      <translation>Word-documenten en Markdown (*.docx *.md *.markdown *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
      <source>Save the imported runbook as</source>
      <translation>Het geïmporteerde draaiboek opslaan als</translation>
    </message>
    <message>
      <source>Runbooks (*.md)</source>
      <translation>Draaiboeken (*.md)</translation>
    </message>
    <message>
      <source>{source} is imported as {target}.</source>
      <translation>{source} is geïmporteerd als {target}.</translation>
    </message>
    <message>
      <source>Sections: {sections} · steps: {steps} · message templates: {messages}. Check it, then approve it.</source>
      <translation>Onderdelen: {sections} · stappen: {steps} · berichtsjablonen: {messages}. Controleer het en keur het dan goed.</translation>
    </message>
    <message>
      <source>{count} contacts from its tables are in {file}: check them and add them to your contacts.</source>
      <translation>{count} contacten uit de tabellen staan in {file}: controleer ze en voeg ze toe aan je contacten.</translation>
    </message>
    <message>
      <source>Document imported</source>
      <translation>Document geïmporteerd</translation>
    </message>
    <message>
      <source>What the import guessed (line: note):</source>
      <translation>Wat de import heeft aangenomen (regel: opmerking):</translation>
    </message>
  </context>
  <context>
    <name>LibraryView</name>
    <message>
      <source>Loading the library…</source>
      <translation>De bibliotheek wordt geladen…</translation>
    </message>
    <message>
      <source>The library is empty. Add a folder of runbooks in Settings.</source>
      <translation>De bibliotheek is leeg. Voeg in Instellingen een map met draaiboeken toe.</translation>
    </message>
    <message>
      <source>Nothing matches. Clear the search or the filters.</source>
      <translation>Niets gevonden. Maak het zoekveld of de filters leeg.</translation>
    </message>
    <message>
      <source>{n} runbooks</source>
      <translation>{n} draaiboeken</translation>
    </message>
    <message>
      <source>{shown} of {total} runbooks</source>
      <translation>{shown} van {total} draaiboeken</translation>
    </message>
    <message>
      <source>&amp;Library</source>
      <translation>&amp;Bibliotheek</translation>
    </message>
    <message>
      <source>Search runbooks (Ctrl+F)</source>
      <translation>Draaiboeken zoeken (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search runbooks</source>
      <translation>Draaiboeken zoeken</translation>
    </message>
    <message>
      <source>All tags</source>
      <translation>Alle labels</translation>
    </message>
    <message>
      <source>All severities</source>
      <translation>Elke ernst</translation>
    </message>
    <message>
      <source>All languages</source>
      <translation>Alle talen</translation>
    </message>
    <message>
      <source>Show only runbooks with this tag</source>
      <translation>Alleen draaiboeken met dit label</translation>
    </message>
    <message>
      <source>Show only runbooks of this severity</source>
      <translation>Alleen draaiboeken met deze ernst</translation>
    </message>
    <message>
      <source>Show only runbooks in this language</source>
      <translation>Alleen draaiboeken in deze taal</translation>
    </message>
    <message>
      <source>Runbooks</source>
      <translation>Draaiboeken</translation>
    </message>
  </context>
  <context>
    <name>MainActions</name>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Bestand</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>Beel&amp;d</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Start run…</source>
      <translation>Uitvoering &amp;starten…</translation>
    </message>
    <message>
      <source>&amp;Close tab</source>
      <translation>Tabblad s&amp;luiten</translation>
    </message>
    <message>
      <source>S&amp;ettings…</source>
      <translation>&amp;Instellingen…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Afsluiten</translation>
    </message>
    <message>
      <source>Library &amp;pane</source>
      <translation>&amp;Paneel met bibliotheek</translation>
    </message>
    <message>
      <source>&amp;Search the library</source>
      <translation>&amp;Zoeken in de bibliotheek</translation>
    </message>
    <message>
      <source>Go to open &amp;runs</source>
      <translation>Naar open &amp;uitvoeringen</translation>
    </message>
    <message>
      <source>Runs &amp;archive</source>
      <translation>&amp;Archief van uitvoeringen</translation>
    </message>
    <message>
      <source>Re&amp;port of this run</source>
      <translation>Ra&amp;pport van deze uitvoering</translation>
    </message>
    <message>
      <source>&amp;Larger text</source>
      <translation>&amp;Grotere tekst</translation>
    </message>
    <message>
      <source>S&amp;maller text</source>
      <translation>&amp;Kleinere tekst</translation>
    </message>
    <message>
      <source>&amp;Normal text size</source>
      <translation>&amp;Normale tekstgrootte</translation>
    </message>
    <message>
      <source>Ne&amp;xt tab</source>
      <translation>&amp;Volgend tabblad</translation>
    </message>
    <message>
      <source>&amp;Previous tab</source>
      <translation>V&amp;orig tabblad</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
      <source>&amp;About Runbook Assistant</source>
      <translation>&amp;Over Runbook Assistant</translation>
    </message>
    <message>
      <source>Enter</source>
      <translation>Enter</translation>
    </message>
    <message>
      <source>Open the selected runbook or run</source>
      <translation>Het gekozen draaiboek of de gekozen uitvoering openen</translation>
    </message>
    <message>
      <source>About Runbook Assistant</source>
      <translation>Over Runbook Assistant</translation>
    </message>
    <message>
      <source>&lt;p&gt;&lt;b&gt;Runbook Assistant {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Offline crisis runbooks with a verifiable timeline.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</source>
      <translation>&lt;p&gt;&lt;b&gt;Runbook Assistant {version}&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Crisisdraaiboeken zonder netwerk, met een controleerbare tijdlijn.&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>The list of open runs could not be refreshed: %1</source>
      <translation>De lijst met open uitvoeringen kon niet worden bijgewerkt: %1</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>OEFENING</translation>
    </message>
    <message>
      <source>The checklist of this run cannot be shown in this version; this is the runbook as it was run.</source>
      <translation>De checklist van deze uitvoering kan in deze versie niet worden getoond; dit is het draaiboek zoals het werd uitgevoerd.</translation>
    </message>
    <message>
      <source>Select a runbook first.</source>
      <translation>Kies eerst een draaiboek.</translation>
    </message>
    <message>
      <source>Runs are unavailable: the database could not be opened.</source>
      <translation>Uitvoeringen zijn niet beschikbaar: de database kon niet worden geopend.</translation>
    </message>
    <message>
      <source>&lt;h2&gt;Runbook Assistant&lt;/h2&gt;&lt;p&gt;Ctrl+F: search the library · Enter: open the runbook&lt;br/&gt;Ctrl+N: start a run of it · F1: all keyboard shortcuts&lt;/p&gt;</source>
      <translation>&lt;h2&gt;Runbook Assistant&lt;/h2&gt;&lt;p&gt;Ctrl+F: zoeken in de bibliotheek · Enter: draaiboek openen&lt;br/&gt;Ctrl+N: uitvoering starten · F1: alle sneltoetsen&lt;/p&gt;</translation>
    </message>
    <message>
      <source>Everywhere</source>
      <translation>Overal</translation>
    </message>
    <message>
      <source>Runbooks</source>
      <translation>Draaiboeken</translation>
    </message>
    <message>
      <source>In a run</source>
      <translation>In een uitvoering</translation>
    </message>
    <message>
      <source>Runs archive</source>
      <translation>Archief van uitvoeringen</translation>
    </message>
    <message>
      <source>Open a run (or select one in the archive) first.</source>
      <translation>Open eerst een uitvoering (of kies er een in het archief).</translation>
    </message>
    <message>
      <source>Report · {title}</source>
      <translation>Rapport · {title}</translation>
    </message>
  </context>
  <context>
    <name>Markdown</name>
    <message>
      <source>image</source>
      <translation>afbeelding</translation>
    </message>
  </context>
  <context>
    <name>MessagesModel</name>
    <message>
      <source>Channel</source>
      <translation>Kanaal</translation>
    </message>
    <message>
      <source>Audience</source>
      <translation>Doelgroep</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>Bericht</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>Verstuurd</translation>
    </message>
  </context>
  <context>
    <name>MessagesView</name>
    <message>
      <source>This runbook has no message templates.</source>
      <translation>Dit draaiboek heeft geen berichtsjablonen.</translation>
    </message>
    <message>
      <source>Still to fill in: {names}</source>
      <translation>Nog in te vullen: {names}</translation>
    </message>
    <message>
      <source>Record that “{title}” was sent via {channel} to {audience}?</source>
      <translation>Vastleggen dat “{title}” via {channel} is verstuurd aan {audience}?</translation>
    </message>
    <message>
      <source>Mark as sent</source>
      <translation>Als verstuurd vastleggen</translation>
    </message>
    <message>
      <source>Next update due at {time}: in {left}</source>
      <translation>Volgende update uiterlijk om {time}: over {left}</translation>
    </message>
    <message>
      <source>Next update was due at {time}: {late} late</source>
      <translation>Volgende update moest om {time}: {late} te laat</translation>
    </message>
    <message>
      <source>&amp;Messages by channel and audience</source>
      <translation>&amp;Berichten per kanaal en doelgroep</translation>
    </message>
    <message>
      <source>Message templates</source>
      <translation>Berichtsjablonen</translation>
    </message>
    <message>
      <source>Filled message</source>
      <translation>Ingevuld bericht</translation>
    </message>
    <message>
      <source>C&amp;hannel:</source>
      <translation>&amp;Kanaal:</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Kopiëren</translation>
    </message>
    <message>
      <source>Copy the filled text (Ctrl+C in the list)</source>
      <translation>De ingevulde tekst kopiëren (Ctrl+C in de lijst)</translation>
    </message>
    <message>
      <source>Mark as &amp;sent</source>
      <translation>Als &amp;verstuurd vastleggen</translation>
    </message>
    <message>
      <source>Record the exact text as sent (Ctrl+Enter)</source>
      <translation>Precies deze tekst als verstuurd vastleggen (Ctrl+Enter)</translation>
    </message>
  </context>
  <context>
    <name>MunicipalityLabel</name>
    <message>
      <source>(no name set)</source>
      <translation>(geen naam ingesteld)</translation>
    </message>
    <message>
      <source>information number {number}</source>
      <translation>informatienummer {number}</translation>
    </message>
    <message>
      <source>Messages fill these in; change them in {file}</source>
      <translation>Berichten vullen deze gegevens in; wijzig ze in {file}</translation>
    </message>
  </context>
  <context>
    <name>NotesModel</name>
    <message>
      <source>When</source>
      <translation>Wanneer</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Notitie</translation>
    </message>
  </context>
  <context>
    <name>NotesView</name>
    <message>
      <source>No notes yet.</source>
      <translation>Nog geen notities.</translation>
    </message>
    <message>
      <source>Add note… (N)</source>
      <translation>Notitie toevoegen… (N)</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notities</translation>
    </message>
  </context>
  <context>
    <name>OpenRunsView</name>
    <message>
      <source>Runs are unavailable: the database could not be opened.</source>
      <translation>Uitvoeringen zijn niet beschikbaar: de database kon niet worden geopend.</translation>
    </message>
    <message>
      <source>No open runs. Open a runbook and press Ctrl+N to start one.</source>
      <translation>Geen open uitvoeringen. Open een draaiboek en druk op Ctrl+N om er een te starten.</translation>
    </message>
    <message>
      <source>Open &amp;runs</source>
      <translation>Open &amp;uitvoeringen</translation>
    </message>
    <message>
      <source>Open runs</source>
      <translation>Open uitvoeringen</translation>
    </message>
  </context>
  <context>
    <name>OutcomeDialog</name>
    <message>
      <source>Outcome of the check</source>
      <translation>Uitkomst van de controle</translation>
    </message>
    <message>
      <source>“{step}”: what did the check establish? (press 1–3)</source>
      <translation>“{step}”: wat heeft de controle vastgesteld? (druk 1–3)</translation>
    </message>
    <message>
      <source>Record the outcome</source>
      <translation>Uitkomst vastleggen</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>&amp;Zoeken in:</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>Bestands&amp;type:</translation>
    </message>
  </context>
  <context>
    <name>RehearsalBox</name>
    <message>
      <source>never rehearsed</source>
      <translation>nooit geoefend</translation>
    </message>
    <message>
      <source>Never exercised: no step of this runbook has been rehearsed yet.</source>
      <translation>Nooit geoefend: geen enkele stap van dit draaiboek is al geoefend.</translation>
    </message>
    <message>
      <source>Exercise runs: {n}, the last on {date}.</source>
      <translation>Oefeningen: {n}, de laatste op {date}.</translation>
    </message>
    <message>
      <source>Steps never rehearsed: {n} of {total}.</source>
      <translation>Nooit geoefende stappen: {n} van {total}.</translation>
    </message>
    <message>
      <source>Per step</source>
      <translation>Per stap</translation>
    </message>
    <message>
      <source>When each step was last rehearsed and how long it typically takes</source>
      <translation>Wanneer elke stap voor het laatst is geoefend en hoe lang die meestal duurt</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>Stap</translation>
    </message>
    <message>
      <source>Last rehearsed</source>
      <translation>Laatst geoefend</translation>
    </message>
    <message>
      <source>Typical duration</source>
      <translation>Gebruikelijke duur</translation>
    </message>
    <message>
      <source>Times</source>
      <translation>Keren</translation>
    </message>
  </context>
  <context>
    <name>ReportView</name>
    <message>
      <source>verified by {who}</source>
      <translation>gecontroleerd door {who}</translation>
    </message>
    <message>
      <source>This runbook has no check steps.</source>
      <translation>Dit draaiboek heeft geen controlestappen.</translation>
    </message>
    <message>
      <source>by {who}, {when}</source>
      <translation>door {who}, {when}</translation>
    </message>
    <message>
      <source>Report version {n}: final, finalised by {who} on {when}.</source>
      <translation>Rapport versie {n}: definitief, vastgesteld door {who} op {when}.</translation>
    </message>
    <message>
      <source>Report version {n}: draft.</source>
      <translation>Rapport versie {n}: concept.</translation>
    </message>
    <message>
      <source>The run is still open; close it before finalising.</source>
      <translation>De uitvoering loopt nog; sluit haar af voordat je het rapport definitief maakt.</translation>
    </message>
    <message>
      <source>Established by a check</source>
      <translation>Vastgesteld met een controle</translation>
    </message>
    <message>
      <source>Notes on the checks (draft): they go into the report marked as not established, never into the council letter. Only a check step in the checklist establishes a statement.</source>
      <translation>Aantekeningen bij de controles (concept): ze komen in het rapport als niet vastgesteld, nooit in de raadsinformatiebrief. Alleen een controlestap in de checklist stelt iets vast.</translation>
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation>&amp;Jouw naam:</translation>
    </message>
    <message>
      <source>&amp;Save (Ctrl+S)</source>
      <translation>&amp;Opslaan (Ctrl+S)</translation>
    </message>
    <message>
      <source>&amp;Finalise the report</source>
      <translation>Rapport &amp;definitief maken</translation>
    </message>
    <message>
      <source>&amp;Add action item…</source>
      <translation>Actiepunt &amp;toevoegen…</translation>
    </message>
    <message>
      <source>Mark &amp;done</source>
      <translation>&amp;Afgerond</translation>
    </message>
    <message>
      <source>Action &amp;items</source>
      <translation>Actie&amp;punten</translation>
    </message>
    <message>
      <source>&amp;Preview of the incident report</source>
      <translation>&amp;Voorbeeld van het incidentrapport</translation>
    </message>
  </context>
  <context>
    <name>RunCommands</name>
    <message>
      <source>This step sends “{title}”: check the text in Messages, send it and press Mark as sent.</source>
      <translation>Deze stap verstuurt “{title}”: controleer de tekst bij Berichten, verstuur hem en kies Als verstuurd vastleggen.</translation>
    </message>
    <message>
      <source>“{step}” is open again.</source>
      <translation>“{step}” staat weer open.</translation>
    </message>
    <message>
      <source>Close run</source>
      <translation>Uitvoering afsluiten</translation>
    </message>
    <message>
      <source>Closing the run closes its checklist. The report, notes and action items stay open until the report is finalised. Summary:</source>
      <translation>Afsluiten sluit de checklist. Het rapport, de notities en de acties blijven open tot het rapport definitief is gemaakt. Samenvatting:</translation>
    </message>
  </context>
  <context>
    <name>RunHeader</name>
    <message>
      <source>started {time} by {who}</source>
      <translation>gestart {time} door {who}</translation>
    </message>
    <message>
      <source>Exercise</source>
      <translation>Oefening</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>Incident</translation>
    </message>
    <message>
      <source>Runbook: {title}</source>
      <translation>Draaiboek: {title}</translation>
    </message>
    <message>
      <source>{done} of {total} steps done</source>
      <translation>{done} van {total} stappen gedaan</translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n te laat</numerusform>
        <numerusform>%n te laat</numerusform>
      </translation>
    </message>
    <message>
      <source>{role}: {present} of {needed}</source>
      <translation>{role}: {present} van {needed}</translation>
    </message>
    <message>
      <source>Short of staff — {gaps}</source>
      <translation>Te weinig mensen — {gaps}</translation>
    </message>
    <message>
      <source>This run was closed at {time} by {who}; nothing more can be recorded.</source>
      <translation>Deze uitvoering is om {time} afgesloten door {who}; er kan niets meer worden vastgelegd.</translation>
    </message>
    <message>
      <source>Approved file's sha256: {sha}</source>
      <translation>Sha256 van het goedgekeurde bestand: {sha}</translation>
    </message>
    <message>
      <source>You: {name}</source>
      <translation>Jij: {name}</translation>
    </message>
    <message>
      <source>You: (no name yet)</source>
      <translation>Jij: (nog geen naam)</translation>
    </message>
    <message>
      <source>EXERCISE — this is not a real incident</source>
      <translation>OEFENING — dit is geen echt incident</translation>
    </message>
    <message>
      <source>Change…</source>
      <translation>Wijzigen…</translation>
    </message>
    <message>
      <source>Record under another name</source>
      <translation>Onder een andere naam vastleggen</translation>
    </message>
    <message>
      <source>Close run…</source>
      <translation>Uitvoering afsluiten…</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>Sluiten</translation>
    </message>
  </context>
  <context>
    <name>RunListModel</name>
    <message>
      <source>EXERCISE</source>
      <translation>OEFENING</translation>
    </message>
    <message>
      <source>{done} of {total} done</source>
      <translation>{done} van {total} gedaan</translation>
    </message>
    <message>
      <source>OVERDUE</source>
      <translation>TE LAAT</translation>
    </message>
    <message>
      <source>Started {at} · run {id}</source>
      <translation>Gestart {at} · uitvoering {id}</translation>
    </message>
  </context>
  <context>
    <name>RunSidePanel</name>
    <message>
      <source>Contacts</source>
      <translation>Contacten</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>Berichten</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Diensten</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Tijdlijn</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>Besluiten</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notities</translation>
    </message>
  </context>
  <context>
    <name>RunTimers</name>
    <message>
      <source>overdue by {t}</source>
      <translation>{t} te laat</translation>
    </message>
    <message>
      <source>due in {t}, by {date}</source>
      <translation>over {t}, uiterlijk {date}</translation>
    </message>
    <message>
      <source>due in {t}</source>
      <translation>uiterlijk over {t}</translation>
    </message>
    <message>
      <source>timebox over by {t}</source>
      <translation>{t} langer dan gepland</translation>
    </message>
    <message>
      <source>{t} left</source>
      <translation>nog {t}</translation>
    </message>
    <message>
      <source>due now, {t} late</source>
      <translation>nu aan de beurt, {t} te laat</translation>
    </message>
    <message>
      <source>next in {t}</source>
      <translation>volgende over {t}</translation>
    </message>
  </context>
  <context>
    <name>RunView</name>
    <message>
      <source>↑ ↓ or J K</source>
      <translation>↑ ↓ of J K</translation>
    </message>
    <message>
      <source>Move between steps</source>
      <translation>Naar de vorige of volgende stap</translation>
    </message>
    <message>
      <source>→ ←</source>
      <translation>→ ←</translation>
    </message>
    <message>
      <source>Open or close a section</source>
      <translation>Een onderdeel openen of dichtklappen</translation>
    </message>
    <message>
      <source>Space</source>
      <translation>Spatie</translation>
    </message>
    <message>
      <source>Check the step (a four-eyes step asks who verified it)</source>
      <translation>De stap afvinken (bij vier ogen wordt gevraagd wie controleerde)</translation>
    </message>
    <message>
      <source>U</source>
      <translation>U</translation>
    </message>
    <message>
      <source>Undo: reopen the step</source>
      <translation>Terugdraaien: de stap heropenen</translation>
    </message>
    <message>
      <source>S</source>
      <translation>S</translation>
    </message>
    <message>
      <source>Skip the step (asks why)</source>
      <translation>De stap overslaan (vraagt waarom)</translation>
    </message>
    <message>
      <source>N</source>
      <translation>N</translation>
    </message>
    <message>
      <source>Add a note</source>
      <translation>Een notitie toevoegen</translation>
    </message>
    <message>
      <source>D</source>
      <translation>D</translation>
    </message>
    <message>
      <source>Record the decision</source>
      <translation>Het besluit vastleggen</translation>
    </message>
    <message>
      <source>Enter</source>
      <translation>Enter</translation>
    </message>
    <message>
      <source>Read the step's details (Esc returns)</source>
      <translation>De uitleg bij de stap lezen (Esc gaat terug)</translation>
    </message>
    <message>
      <source>Ctrl+F</source>
      <translation>Ctrl+F</translation>
    </message>
    <message>
      <source>Search the steps</source>
      <translation>Stappen zoeken</translation>
    </message>
    <message>
      <source>Reminder: {steps} — due again now. When it is done, select it and press U, then Space.</source>
      <translation>Herinnering: {steps} — nu opnieuw aan de beurt. Als het gedaan is: kies de stap en druk op U, daarna Spatie.</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>OEFENING</translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n te laat</numerusform>
        <numerusform>%n te laat</numerusform>
      </translation>
    </message>
    <message>
      <source>Alt+1 … Alt+6</source>
      <translation>Alt+1 … Alt+6</translation>
    </message>
    <message>
      <source>Side tab: timeline, decisions, notes, contacts, messages, services (the focus goes into it)</source>
      <translation>Zijtabblad: tijdlijn, besluiten, notities, contactpersonen, berichten, diensten (de cursor gaat erin)</translation>
    </message>
    <message>
      <source>Ctrl+Tab</source>
      <translation>Ctrl+Tab</translation>
    </message>
    <message>
      <source>Next side tab</source>
      <translation>Volgend zijtabblad</translation>
    </message>
    <message>
      <source>Esc</source>
      <translation>Esc</translation>
    </message>
    <message>
      <source>From a side tab or the details: back to the steps</source>
      <translation>Vanuit een zijtabblad of de details: terug naar de stappen</translation>
    </message>
    <message>
      <source>F6</source>
      <translation>F6</translation>
    </message>
    <message>
      <source>Between the steps and the side tab</source>
      <translation>Wisselen tussen de stappen en het zijtabblad</translation>
    </message>
    <message>
      <source>Tab / Shift+Tab</source>
      <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
      <source>Next / previous field (tables too)</source>
      <translation>Volgend / vorig veld (ook vanuit tabellen)</translation>
    </message>
    <message>
      <source>1 / 2 / 3 / 4</source>
      <translation>1 / 2 / 3 / 4</translation>
    </message>
    <message>
      <source>Services tab: the selected service is up, degraded, down or restored</source>
      <translation>Tabblad diensten: de gekozen dienst is beschikbaar, verminderd, uitgevallen of hersteld</translation>
    </message>
    <message>
      <source>Ctrl+Enter</source>
      <translation>Ctrl+Enter</translation>
    </message>
    <message>
      <source>Messages tab: mark the message as sent</source>
      <translation>Tabblad berichten: het bericht is verstuurd</translation>
    </message>
    <message>
      <source>Ctrl+C</source>
      <translation>Ctrl+C</translation>
    </message>
    <message>
      <source>Contacts or messages tab: copy the number or the text</source>
      <translation>Tabblad contactpersonen of berichten: het nummer of de tekst kopiëren</translation>
    </message>
    <message>
      <source>Ctrl+Shift+W</source>
      <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
      <source>Close the run (asks for a summary)</source>
      <translation>De uitvoering afsluiten (vraagt om een samenvatting)</translation>
    </message>
    <message>
      <source>Ctrl+Shift+P</source>
      <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
      <source>Exercise: pause or resume the exercise clock</source>
      <translation>Oefening: de oefenklok pauzeren of laten doorlopen</translation>
    </message>
    <message>
      <source>Ctrl+Shift+J</source>
      <translation>Ctrl+Shift+J</translation>
    </message>
    <message>
      <source>Exercise: jump to the next inject</source>
      <translation>Oefening: naar de volgende inject springen</translation>
    </message>
    <message>
      <source>Ctrl+Shift+↑ / Ctrl+Shift+↓</source>
      <translation>Ctrl+Shift+↑ / Ctrl+Shift+↓</translation>
    </message>
    <message>
      <source>Exercise: clock faster / slower</source>
      <translation>Oefening: oefenklok sneller / langzamer</translation>
    </message>
    <message>
      <source>Ctrl+Shift+O</source>
      <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
      <source>Exercise: write an observation</source>
      <translation>Oefening: een waarneming schrijven</translation>
    </message>
  </context>
  <context>
    <name>RunbookEditor</name>
    <message>
      <source>Save the runbook</source>
      <translation>Het draaiboek opslaan</translation>
    </message>
    <message>
      <source>Save a copy of the runbook</source>
      <translation>Een kopie van het draaiboek opslaan</translation>
    </message>
    <message>
      <source>Go to the findings list (Enter: to the line)</source>
      <translation>Naar de lijst met bevindingen (Enter: naar de regel)</translation>
    </message>
    <message>
      <source>Back from the findings list to the text</source>
      <translation>Van de bevindingen terug naar de tekst</translation>
    </message>
    <message>
      <source>line {line}: error: {text}</source>
      <translation>regel {line}: fout: {text}</translation>
    </message>
    <message>
      <source>line {line}: warning: {text}</source>
      <translation>regel {line}: waarschuwing: {text}</translation>
    </message>
    <message>
      <source>No findings: the runbook is ready to run.</source>
      <translation>Geen bevindingen: het draaiboek kan starten.</translation>
    </message>
    <message>
      <source>The file cannot be read as a runbook: see the findings.</source>
      <translation>Het bestand is niet als draaiboek te lezen: zie de bevindingen.</translation>
    </message>
    <message>
      <source>Runbooks (*.md)</source>
      <translation>Draaiboeken (*.md)</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
      <source>{name} has changes that are not saved. Save them?</source>
      <translation>{name} heeft wijzigingen die niet zijn opgeslagen. Opslaan?</translation>
    </message>
    <message>
      <source>Bundled runbook, read-only: use Save a copy… to change it.</source>
      <translation>Meegeleverd draaiboek, alleen-lezen: gebruik Kopie opslaan… om het te wijzigen.</translation>
    </message>
    <message>
      <source>Not saved.</source>
      <translation>Niet opgeslagen.</translation>
    </message>
    <message>
      <source>1 error: it cannot be started until it is fixed.</source>
      <translation>1 fout: het kan pas starten als die is opgelost.</translation>
    </message>
    <message>
      <source>{n} errors: it cannot be started until they are fixed.</source>
      <translation>{n} fouten: het kan pas starten als die zijn opgelost.</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Opslaan</translation>
    </message>
    <message>
      <source>Save the runbook (Ctrl+S)</source>
      <translation>Het draaiboek opslaan (Ctrl+S)</translation>
    </message>
    <message>
      <source>Save a &amp;copy…</source>
      <translation>&amp;Kopie opslaan…</translation>
    </message>
    <message>
      <source>Save the runbook under another name (Ctrl+Shift+S)</source>
      <translation>Het draaiboek onder een andere naam opslaan (Ctrl+Shift+S)</translation>
    </message>
    <message>
      <source>&amp;Approve…</source>
      <translation>&amp;Goedkeuren…</translation>
    </message>
    <message>
      <source>Sign this version as approved</source>
      <translation>Deze versie ondertekenen als goedgekeurd</translation>
    </message>
    <message>
      <source>Runbook text</source>
      <translation>Tekst van het draaiboek</translation>
    </message>
    <message>
      <source>Findings</source>
      <translation>Bevindingen</translation>
    </message>
    <message>
      <source>&amp;Findings (F8; Enter goes to the line)</source>
      <translation>&amp;Bevindingen (F8; Enter gaat naar de regel)</translation>
    </message>
    <message>
      <source>&amp;Preview of the checklist</source>
      <translation>&amp;Voorbeeld van de checklist</translation>
    </message>
    <message>
      <source>Preview of the checklist</source>
      <translation>Voorbeeld van de checklist</translation>
    </message>
  </context>
  <context>
    <name>RunbookHtml</name>
    <message>
      <source>version {v}</source>
      <translation>versie {v}</translation>
    </message>
    <message>
      <source>severity: {s}</source>
      <translation>ernst: {s}</translation>
    </message>
    <message>
      <source>language: {l}</source>
      <translation>taal: {l}</translation>
    </message>
    <message>
      <source>owner: {o}</source>
      <translation>eigenaar: {o}</translation>
    </message>
    <message>
      <source>tags: {t}</source>
      <translation>labels: {t}</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>Id</source>
      <translation>Id</translation>
    </message>
    <message>
      <source>Minimum present</source>
      <translation>Minimaal aanwezig</translation>
    </message>
    <message>
      <source>Roles</source>
      <translation>Rollen</translation>
    </message>
    <message>
      <source>Services, in order of restoring</source>
      <translation>Diensten, in volgorde van herstel</translation>
    </message>
    <message>
      <source>role: {r}</source>
      <translation>rol: {r}</translation>
    </message>
    <message>
      <source>due {d} after the start</source>
      <translation>uiterlijk {d} na de start</translation>
    </message>
    <message>
      <source>timebox {d}</source>
      <translation>maximaal {d}</translation>
    </message>
    <message>
      <source>every {d}</source>
      <translation>elke {d}</translation>
    </message>
    <message>
      <source>four eyes: a second person verifies</source>
      <translation>vier ogen: een tweede persoon controleert</translation>
    </message>
    <message>
      <source>decision</source>
      <translation>besluit</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>optioneel</translation>
    </message>
    <message>
      <source>READ-DO: read each step, then do it</source>
      <translation>Stap voor stap: lees elke stap en voer hem dan uit</translation>
    </message>
    <message>
      <source>DO-CONFIRM: do from memory, then confirm</source>
      <translation>Achteraf afvinken: voer uit op geheugen en vink daarna af</translation>
    </message>
    <message>
      <source>Message template {id}</source>
      <translation>Berichtsjabloon {id}</translation>
    </message>
    <message>
      <source>channel: {c}</source>
      <translation>kanaal: {c}</translation>
    </message>
    <message>
      <source>audience: {a}</source>
      <translation>doelgroep: {a}</translation>
    </message>
    <message>
      <source>Exercise scenario for the runbook {id}</source>
      <translation>Oefenscenario voor het draaiboek {id}</translation>
    </message>
    <message>
      <source>Injects</source>
      <translation>Injects</translation>
    </message>
  </context>
  <context>
    <name>RunbookListModel</name>
    <message>
      <source>exercise scenario</source>
      <translation>oefenscenario</translation>
    </message>
  </context>
  <context>
    <name>RunbookReader</name>
    <message>
      <source>Start run…</source>
      <translation>Uitvoering starten…</translation>
    </message>
    <message>
      <source>Start a run of this runbook (Ctrl+N)</source>
      <translation>Een uitvoering van dit draaiboek starten (Ctrl+N)</translation>
    </message>
  </context>
  <context>
    <name>RunsArchive</name>
    <message>
      <source>Overdue action items: {n}</source>
      <translation>Actiepunten te laat: {n}</translation>
    </message>
    <message>
      <source>&amp;Search:</source>
      <translation>&amp;Zoeken:</translation>
    </message>
    <message>
      <source>title, runbook or date (YYYY-MM-DD)</source>
      <translation>titel, draaiboek of datum (JJJJ-MM-DD)</translation>
    </message>
    <message>
      <source>&amp;Incidents</source>
      <translation>&amp;Incidenten</translation>
    </message>
    <message>
      <source>E&amp;xercises</source>
      <translation>&amp;Oefeningen</translation>
    </message>
    <message>
      <source>&amp;Open the run</source>
      <translation>Uitvoering &amp;openen</translation>
    </message>
    <message>
      <source>Open the &amp;report</source>
      <translation>&amp;Rapport openen</translation>
    </message>
  </context>
  <context>
    <name>SafeTextBrowser</name>
    <message>
      <source>Open link?</source>
      <translation>Link openen?</translation>
    </message>
    <message>
      <source>This link leads outside Runbook Assistant:

{url}

Open it?</source>
      <translation>Deze link gaat naar buiten Runbook Assistant:

{url}

Openen?</translation>
    </message>
  </context>
  <context>
    <name>ServicesModel</name>
    <message>
      <source>Service</source>
      <translation>Dienst</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>Sinds</translation>
    </message>
    <message>
      <source>Down</source>
      <translation>Uit</translation>
    </message>
    <message>
      <source>Degraded</source>
      <translation>Verstoord</translation>
    </message>
    <message>
      <source>Time to restore</source>
      <translation>Hersteltijd</translation>
    </message>
    <message>
      <source>History</source>
      <translation>Verloop</translation>
    </message>
  </context>
  <context>
    <name>ServicesView</name>
    <message>
      <source>up</source>
      <translation>werkt</translation>
    </message>
    <message>
      <source>degraded</source>
      <translation>verstoord</translation>
    </message>
    <message>
      <source>down</source>
      <translation>uit</translation>
    </message>
    <message>
      <source>restored</source>
      <translation>hersteld</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>onbekend</translation>
    </message>
    <message>
      <source>The run is closed: the board can no longer change.</source>
      <translation>De uitvoering is afgesloten: het overzicht kan niet meer veranderen.</translation>
    </message>
    <message>
      <source>This runbook lists no services.</source>
      <translation>Dit draaiboek noemt geen diensten.</translation>
    </message>
    <message>
      <source>{service}: {status} recorded.</source>
      <translation>{service}: {status} vastgelegd.</translation>
    </message>
    <message>
      <source>&amp;Services, in restore order (residents first)</source>
      <translation>&amp;Diensten, in volgorde van herstel (inwoners eerst)</translation>
    </message>
    <message>
      <source>Select a service and press 1 up, 2 degraded, 3 down or 4 restored.</source>
      <translation>Kies een dienst en druk 1 werkt, 2 verstoord, 3 uit of 4 hersteld.</translation>
    </message>
    <message>
      <source>Service impact board</source>
      <translation>Overzicht van de diensten</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>S&amp;tatus:</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Notitie:</translation>
    </message>
    <message>
      <source>Optional, saved with the next change</source>
      <translation>Optioneel, bewaard bij de volgende wijziging</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>Settings</source>
      <translation>Instellingen</translation>
    </message>
    <message>
      <source>Follow the system</source>
      <translation>Systeem volgen</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Licht</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Donker</translation>
    </message>
    <message>
      <source>Your name or initials</source>
      <translation>Je naam of initialen</translation>
    </message>
    <message>
      <source>https://hub.example.nl (empty: no team hub)</source>
      <translation>https://hub.voorbeeld.nl (leeg: geen teamhub)</translation>
    </message>
    <message>
      <source>&amp;Add folder…</source>
      <translation>Map &amp;toevoegen…</translation>
    </message>
    <message>
      <source>Re&amp;move folder</source>
      <translation>Map ve&amp;rwijderen</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>T&amp;aal:</translation>
    </message>
    <message>
      <source>&amp;Colours:</source>
      <translation>&amp;Kleuren:</translation>
    </message>
    <message>
      <source>&amp;Text size:</source>
      <translation>Tekst&amp;grootte:</translation>
    </message>
    <message>
      <source>&amp;Your name:</source>
      <translation>&amp;Jouw naam:</translation>
    </message>
    <message>
      <source>Extra runbook &amp;folders:</source>
      <translation>Extra draaiboek&amp;mappen:</translation>
    </message>
    <message>
      <source>Team &amp;hub:</source>
      <translation>Team&amp;hub:</translation>
    </message>
    <message>
      <source>Municipality:</source>
      <translation>Gemeente:</translation>
    </message>
    <message>
      <source>Add a folder of runbooks</source>
      <translation>Een map met draaiboeken toevoegen</translation>
    </message>
  </context>
  <context>
    <name>Severity</name>
    <message>
      <source>low</source>
      <translation>laag</translation>
    </message>
    <message>
      <source>medium</source>
      <translation>middel</translation>
    </message>
    <message>
      <source>high</source>
      <translation>hoog</translation>
    </message>
    <message>
      <source>critical</source>
      <translation>kritiek</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Sneltoetsen</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Toetsen</translation>
    </message>
    <message>
      <source>What it does</source>
      <translation>Wat het doet</translation>
    </message>
  </context>
  <context>
    <name>StartRunDialog</name>
    <message>
      <source>(no role)</source>
      <translation>(geen rol)</translation>
    </message>
    <message>
      <source>{role}: {present} of {needed} present</source>
      <translation>{role}: {present} van {needed} aanwezig</translation>
    </message>
    <message>
      <source>Give the run a title.</source>
      <translation>Geef de uitvoering een titel.</translation>
    </message>
    <message>
      <source>Fill in who you are: your name or initials go on every entry.</source>
      <translation>Vul in wie je bent: je naam of initialen komen bij elke registratie te staan.</translation>
    </message>
    <message>
      <source>The moment of discovery is HH:MM (today) or a date and time such as 2026-11-23 10:47, and not in the future.</source>
      <translation>Het moment van ontdekking is UU:MM (vandaag) of een datum en tijd zoals 2026-11-23 10:47, en niet in de toekomst.</translation>
    </message>
    <message>
      <source>Start anyway</source>
      <translation>Toch starten</translation>
    </message>
    <message>
      <source>Start run</source>
      <translation>Uitvoering starten</translation>
    </message>
    <message>
      <source>Start a run</source>
      <translation>Uitvoering starten</translation>
    </message>
    <message>
      <source>Start a run of “{title}”</source>
      <translation>Uitvoering starten van “{title}”</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>&amp;Titel:</translation>
    </message>
    <message>
      <source>&amp;You are:</source>
      <translation>&amp;Jouw naam:</translation>
    </message>
    <message>
      <source>Mode:</source>
      <translation>Soort:</translation>
    </message>
    <message>
      <source>Your name or initials</source>
      <translation>Je naam of initialen</translation>
    </message>
    <message>
      <source>&amp;Discovered at:</source>
      <translation>&amp;Ontdekt om:</translation>
    </message>
    <message>
      <source>HH:MM or 2026-11-23 10:47 — legal deadlines count from it (empty: now)</source>
      <translation>UU:MM of 2026-11-23 10:47 — wettelijke termijnen tellen vanaf dan (leeg: nu)</translation>
    </message>
    <message>
      <source>&amp;Incident</source>
      <translation>&amp;Incident</translation>
    </message>
    <message>
      <source>E&amp;xercise</source>
      <translation>&amp;Oefening</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>OEFENING</translation>
    </message>
    <message>
      <source>The exercise clock &amp;keeps running while the app is closed (otherwise it pauses)</source>
      <translation>De oefenklok &amp;loopt door als de app dicht is (anders pauzeert hij)</translation>
    </message>
    <message>
      <source>&amp;Who is present, and in which role (Insert adds a person, Delete removes one):</source>
      <translation>Wie is &amp;er aanwezig, en in welke rol (Insert voegt iemand toe, Delete haalt iemand weg):</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Naam</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rol</translation>
    </message>
    <message>
      <source>&amp;Add person</source>
      <translation>Persoon toe&amp;voegen</translation>
    </message>
    <message>
      <source>&amp;Remove person</source>
      <translation>Persoon ve&amp;rwijderen</translation>
    </message>
    <message>
      <source>Minimum staffing of this runbook:</source>
      <translation>Minimale bezetting voor dit draaiboek:</translation>
    </message>
    <message>
      <source>Not enough people in every role. You can start anyway: the shortfall is recorded in the run.</source>
      <translation>Niet in elke rol genoeg mensen. Je kunt toch starten: het tekort wordt vastgelegd in de uitvoering.</translation>
    </message>
  </context>
  <context>
    <name>StepDetail</name>
    <message>
      <source>{done} of {total} done</source>
      <translation>{done} van {total} gedaan</translation>
    </message>
    <message>
      <source>Not taken: another option was chosen.</source>
      <translation>Niet gekozen: er is een andere optie gekozen.</translation>
    </message>
    <message>
      <source>Waits for the decision “{d}”.</source>
      <translation>Wacht op het besluit “{d}”.</translation>
    </message>
    <message>
      <source>READ-DO: read each step, then do it.</source>
      <translation>Stap voor stap: lees elke stap en voer hem dan uit.</translation>
    </message>
    <message>
      <source>DO-CONFIRM: do it from memory, then confirm each step.</source>
      <translation>Achteraf afvinken: voer uit op geheugen en vink daarna elke stap af.</translation>
    </message>
    <message>
      <source>Enter or → opens the section, ← closes it.</source>
      <translation>Enter of → klapt het onderdeel open, ← klapt het dicht.</translation>
    </message>
    <message>
      <source>OVERRIDE by {who}: {reason}</source>
      <translation>DOORBROKEN door {who}: {reason}</translation>
    </message>
    <message>
      <source>Not taken: this branch was not chosen.</source>
      <translation>Niet gekozen: deze tak is niet genomen.</translation>
    </message>
    <message>
      <source>Done by {who} at {time}.</source>
      <translation>Gedaan door {who} om {time}.</translation>
    </message>
    <message>
      <source>Verified by {who}.</source>
      <translation>Gecontroleerd door {who}.</translation>
    </message>
    <message>
      <source>Skipped by {who} at {time}: {reason}</source>
      <translation>Overgeslagen door {who} om {time}: {reason}</translation>
    </message>
    <message>
      <source>Open — overdue.</source>
      <translation>Open — te laat.</translation>
    </message>
    <message>
      <source>Open.</source>
      <translation>Open.</translation>
    </message>
    <message>
      <source>Role: {r}</source>
      <translation>Rol: {r}</translation>
    </message>
    <message>
      <source>four eyes: one person does it, another verifies</source>
      <translation>vier ogen: de een doet het, een ander controleert</translation>
    </message>
    <message>
      <source>due {d} after the start</source>
      <translation>uiterlijk {d} na de start</translation>
    </message>
    <message>
      <source>timebox {d}</source>
      <translation>maximaal {d}</translation>
    </message>
    <message>
      <source>every {d}</source>
      <translation>elke {d}</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>optioneel</translation>
    </message>
    <message>
      <source>D or Space: record the decision · U: reopen it · N: note</source>
      <translation>D of Spatie: besluit vastleggen · U: heropenen · N: notitie</translation>
    </message>
    <message>
      <source>Space: done · S: skip · U: undo · N: note</source>
      <translation>Spatie: gedaan · S: overslaan · U: terugdraaien · N: notitie</translation>
    </message>
  </context>
  <context>
    <name>StepSearchBar</name>
    <message>
      <source>{n} of {total}</source>
      <translation>{n} van {total}</translation>
    </message>
    <message>
      <source>no step matches</source>
      <translation>geen stap gevonden</translation>
    </message>
    <message>
      <source>Search the steps… (Enter: next, Esc: back)</source>
      <translation>Stappen zoeken… (Enter: volgende, Esc: terug)</translation>
    </message>
    <message>
      <source>Search the steps</source>
      <translation>Stappen zoeken</translation>
    </message>
    <message>
      <source>Close the search (Esc)</source>
      <translation>Zoeken sluiten (Esc)</translation>
    </message>
  </context>
  <context>
    <name>StepTreeModel</name>
    <message>
      <source>{title} — not taken</source>
      <translation>{title} — niet gekozen</translation>
    </message>
    <message>
      <source>READ-DO</source>
      <translation>STAP VOOR STAP</translation>
    </message>
    <message>
      <source>DO-CONFIRM</source>
      <translation>ACHTERAF AFVINKEN</translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n te laat</numerusform>
        <numerusform>%n te laat</numerusform>
      </translation>
    </message>
    <message>
      <source>open</source>
      <translation>open</translation>
    </message>
    <message>
      <source>done</source>
      <translation>gedaan</translation>
    </message>
    <message>
      <source>skipped</source>
      <translation>overgeslagen</translation>
    </message>
    <message>
      <source>not taken</source>
      <translation>niet gekozen</translation>
    </message>
    <message>
      <source>waiting for the decision “{d}”</source>
      <translation>wacht op het besluit “{d}”</translation>
    </message>
    <message>
      <source>waiting for a decision</source>
      <translation>wacht op een besluit</translation>
    </message>
    <message>
      <source>{title}: {done} of {total} done</source>
      <translation>{title}: {done} van {total} gedaan</translation>
    </message>
    <message>
      <source>four eyes</source>
      <translation>vier ogen</translation>
    </message>
    <message>
      <source>decision: {label}</source>
      <translation>besluit: {label}</translation>
    </message>
    <message>
      <source>decision</source>
      <translation>besluit</translation>
    </message>
    <message>
      <source>optional</source>
      <translation>optioneel</translation>
    </message>
    <message>
      <source>waits for a decision</source>
      <translation>wacht op een besluit</translation>
    </message>
    <message>
      <source>done by {who} at {time}</source>
      <translation>gedaan door {who} om {time}</translation>
    </message>
    <message>
      <source>, verified by {who}</source>
      <translation>, gecontroleerd door {who}</translation>
    </message>
    <message>
      <source>skipped by {who} at {time}: {reason}</source>
      <translation>overgeslagen door {who} om {time}: {reason}</translation>
    </message>
    <message>
      <source>entered later</source>
      <translation>later ingevoerd</translation>
    </message>
    <message>
      <source>outcome: {outcome}</source>
      <translation>uitkomst: {outcome}</translation>
    </message>
    <message>
      <source>OVERRIDE by {who}: {reason}</source>
      <translation>DOORBROKEN door {who}: {reason}</translation>
    </message>
  </context>
  <context>
    <name>SyncDialogs</name>
    <message>
      <source>E&amp;xport for sync…</source>
      <translation>E&amp;xporteren voor synchronisatie…</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>&amp;Importeren…</translation>
    </message>
    <message>
      <source>Merge a sync bundle from another laptop</source>
      <translation>Een synchronisatiebundel van een andere laptop samenvoegen</translation>
    </message>
    <message>
      <source>Export for sync</source>
      <translation>Exporteren voor synchronisatie</translation>
    </message>
    <message>
      <source>Sync bundles (*.sqlite *.db);;All files (*)</source>
      <translation>Synchronisatiebundels (*.sqlite *.db);;Alle bestanden (*)</translation>
    </message>
    <message>
      <source>Import a sync bundle</source>
      <translation>Een synchronisatiebundel importeren</translation>
    </message>
  </context>
  <context>
    <name>TextEntryDialog</name>
    <message>
      <source>Enter saves · Shift+Enter: new line · Esc cancels</source>
      <translation>Enter bewaart · Shift+Enter: nieuwe regel · Esc annuleert</translation>
    </message>
    <message>
      <source>Skip step</source>
      <translation>Stap overslaan</translation>
    </message>
    <message>
      <source>Why is “{step}” skipped? The reason goes into the log.</source>
      <translation>Waarom wordt “{step}” overgeslagen? De reden komt in het logboek.</translation>
    </message>
    <message>
      <source>e.g. not needed: the supplier already did this</source>
      <translation>bijv. niet nodig: de leverancier heeft dit al gedaan</translation>
    </message>
    <message>
      <source>Note on “{step}”:</source>
      <translation>Notitie bij “{step}”:</translation>
    </message>
    <message>
      <source>Note on the run:</source>
      <translation>Notitie bij de uitvoering:</translation>
    </message>
    <message>
      <source>Add note</source>
      <translation>Notitie toevoegen</translation>
    </message>
    <message>
      <source>Save note</source>
      <translation>Notitie bewaren</translation>
    </message>
    <message>
      <source>Who are you?</source>
      <translation>Wie ben je?</translation>
    </message>
    <message>
      <source>Your name or initials. Everything you record from now on is recorded under this name.</source>
      <translation>Je naam of initialen. Alles wat je vanaf nu vastlegt, staat op deze naam.</translation>
    </message>
    <message>
      <source>Use this name</source>
      <translation>Deze naam gebruiken</translation>
    </message>
    <message>
      <source>Override</source>
      <translation>Doorbreken</translation>
    </message>
    <message>
      <source>{refused}.

Record it anyway? Say why the rule is set aside: the reason and your name are recorded and shown in red.</source>
      <translation>{refused}.

Toch vastleggen? Zeg waarom de regel wordt doorbroken: de reden en uw naam worden vastgelegd en in rood getoond.</translation>
    </message>
    <message>
      <source>Record with override</source>
      <translation>Vastleggen met doorbreking</translation>
    </message>
    <message>
      <source>e.g. the second specialist is on the phone and follows every command</source>
      <translation>bijv. de tweede specialist is aan de telefoon en volgt elk commando</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message>
      <source>Time</source>
      <translation>Tijd</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Wie</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Wat</translation>
    </message>
    <message>
      <source>{kind} · recorded {wall} · device {device} #{seq}</source>
      <translation>{kind} · vastgelegd {wall} · apparaat {device} #{seq}</translation>
    </message>
    <message>
      <source>Entered later.</source>
      <translation>Later ingevoerd.</translation>
    </message>
  </context>
  <context>
    <name>TimelineView</name>
    <message numerus="yes">
      <source>%n events</source>
      <translation>
        <numerusform>%n gebeurtenis</numerusform>
        <numerusform>%n gebeurtenissen</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{shown} of %n events</source>
      <translation>
        <numerusform>{shown} van %n gebeurtenis</numerusform>
        <numerusform>{shown} van %n gebeurtenissen</numerusform>
      </translation>
    </message>
    <message>
      <source>Filter the timeline…</source>
      <translation>Tijdlijn filteren…</translation>
    </message>
    <message>
      <source>Filter the timeline</source>
      <translation>Tijdlijn filteren</translation>
    </message>
    <message>
      <source>All kinds</source>
      <translation>Alle soorten</translation>
    </message>
    <message>
      <source>Steps</source>
      <translation>Stappen</translation>
    </message>
    <message>
      <source>Decisions</source>
      <translation>Besluiten</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notities</translation>
    </message>
    <message>
      <source>Timers</source>
      <translation>Tijden</translation>
    </message>
    <message>
      <source>Services</source>
      <translation>Diensten</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>Berichten</translation>
    </message>
    <message>
      <source>People</source>
      <translation>Mensen</translation>
    </message>
    <message>
      <source>Run</source>
      <translation>Uitvoering</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Tijdlijn</translation>
    </message>
  </context>
</TS>
