"""The words of the council information letter (raadsinformatiebrief), in Dutch and English.

Written the way a municipality writes to its council: the portfolio holder speaks (``ik``), the
council is addressed formally (``u``), and nothing technical (run ids, hashes, step ids) appears.
"""

from __future__ import annotations

LETTER_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "kind": "Raadsinformatiebrief",
        "draft_banner": "CONCEPT — niet verzenden",
        "draft_mark": "CONCEPT (versie {version}, nog niet vastgesteld)",
        "addressee": "Aan de leden van de gemeenteraad van {place}",
        "addressee_plain": "Aan de leden van de gemeenteraad",
        "subject_label": "Onderwerp",
        "date_label": "Datum",
        "reference_label": "Ons kenmerk",
        "contact_label": "Informatie",
        "subject": "ICT-storing van {day}",
        "salutation": "Geachte leden van de raad,",
        "opening": "Met deze brief informeer ik u over de ICT-storing die de gemeente op {day} "
                   "heeft getroffen: wat er is gebeurd, wat de gevolgen waren voor de "
                   "dienstverlening, wat de oorzaak was en welke maatregelen wij nemen.",
        "period_restored": "De storing begon op {start}. Op {end} was de dienstverlening weer "
                           "volledig hersteld.",
        "period_restored_day": "De storing begon op {start}. Om {end} was de dienstverlening "
                               "weer volledig hersteld.",
        "period_open": "De storing begon op {start}. Op het moment van schrijven is de "
                       "dienstverlening nog niet volledig hersteld.",
        "period_start": "De storing begon op {start}.",
        "h_happened": "Wat is er gebeurd",
        "h_impact": "Gevolgen voor de dienstverlening",
        "impact_intro": "Per dienst waren de gevolgen als volgt:",
        "svc_out": "niet of beperkt beschikbaar van {start} tot {end} ({duration})",
        "svc_still_out": "niet of beperkt beschikbaar sinds {start}; nog niet hersteld",
        "svc_fine": "geen storing gemeld",
        "h_order": "Volgorde van herstel",
        "order_intro": "Bij het herstel hebben wij voorrang gegeven aan de diensten waarvoor "
                       "inwoners direct bij ons terechtkomen. De diensten zijn in deze volgorde "
                       "hersteld:",
        "order_item": "{service} ({time})",
        "h_cause": "Oorzaak",
        "cause_unknown": "De oorzaak wordt nog onderzocht. Zodra die bekend is, informeer ik u "
                         "daarover.",
        "h_checked": "Wat is vastgesteld",
        "checked_intro": "Na onderzoek is het volgende vastgesteld:",
        "pending_intro": "Nog in onderzoek is:",
        "pending_none": "Of er sprake was van een beveiligingsincident, of gegevens zijn "
                        "beschadigd en of persoonsgegevens zijn getroffen, wordt nog onderzocht. "
                        "Ik informeer u zodra dat is vastgesteld.",
        "est_ruled-out": "{statement} is uitgesloten.",
        "est_not-ruled-out": "{statement} kan niet worden uitgesloten.",
        "est_other": "{title}: {outcome}.",
        "est_by": "Vastgesteld door {who}{role} op {when}.",
        "est_by_verified": "Vastgesteld door {who}{role} op {when} en gecontroleerd door "
                           "{verifier}.",
        "h_measures": "Maatregelen",
        "actions_intro": "Daarnaast zijn de volgende acties afgesproken:",
        "action_due": "{text} (gereed uiterlijk {due})",
        "contact": "Voor vragen over deze brief kunt u contact opnemen via {how}.",
        "contact_or": " of ",
        "closing": "Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd.",
        "greeting": "Hoogachtend,",
        "times": "Alle tijden in deze brief zijn Nederlandse tijd ({zone}).",
        "times_other": "Alle tijden in deze brief zijn in de tijdzone {name} ({zone}).",
        "duration_h1": "1 uur",
        "hour": " uur",
        "duration_h": "{h} uur",
        "duration_m": "{m} minuten",
        "duration_m1": "1 minuut",
        "duration_and": " en ",
        "duration_d": "{d} dagen",
        "duration_d1": "1 dag",
    },
    "en": {
        "kind": "Council information letter",
        "draft_banner": "DRAFT — do not send",
        "draft_mark": "DRAFT (version {version}, not yet finalised)",
        "addressee": "To the members of the municipal council of {place}",
        "addressee_plain": "To the members of the municipal council",
        "subject_label": "Subject",
        "date_label": "Date",
        "reference_label": "Our reference",
        "contact_label": "Information",
        "subject": "ICT outage of {day}",
        "salutation": "Dear members of the council,",
        "opening": "With this letter I inform you about the ICT outage that affected the "
                   "municipality on {day}: what happened, what it meant for our services, what "
                   "caused it and which measures we are taking.",
        "period_restored": "The outage began on {start}. By {end} all services had been "
                           "restored.",
        "period_restored_day": "The outage began on {start}. By {end} all services had been "
                               "restored.",
        "period_open": "The outage began on {start}. At the time of writing not all services "
                       "have been restored.",
        "period_start": "The outage began on {start}.",
        "h_happened": "What happened",
        "h_impact": "Impact on our services",
        "impact_intro": "The impact per service was as follows:",
        "svc_out": "unavailable or limited from {start} to {end} ({duration})",
        "svc_still_out": "unavailable or limited since {start}; not yet restored",
        "svc_fine": "no disruption reported",
        "h_order": "Order of restoring",
        "order_intro": "In restoring, we gave priority to the services residents turn to us for "
                       "directly. The services were restored in this order:",
        "order_item": "{service} ({time})",
        "h_cause": "Cause",
        "cause_unknown": "The cause is still being investigated. I will inform you as soon as it "
                         "is known.",
        "h_checked": "What has been established",
        "checked_intro": "After investigation the following has been established:",
        "pending_intro": "Still under investigation:",
        "pending_none": "Whether this was a security incident, whether data was damaged and "
                        "whether personal data was affected is still under investigation. I will "
                        "inform you once this has been established.",
        "est_ruled-out": "{statement} has been ruled out.",
        "est_not-ruled-out": "{statement} cannot be ruled out.",
        "est_other": "{title}: {outcome}.",
        "est_by": "Established by {who}{role} on {when}.",
        "est_by_verified": "Established by {who}{role} on {when} and verified by {verifier}.",
        "h_measures": "Measures",
        "actions_intro": "In addition, the following actions have been agreed:",
        "action_due": "{text} (to be completed by {due})",
        "contact": "For questions about this letter, please contact us via {how}.",
        "contact_or": " or ",
        "closing": "I trust this informs you sufficiently for now.",
        "greeting": "Yours faithfully,",
        "times": "All times in this letter are Dutch local time ({zone}).",
        "times_other": "All times in this letter are in the {name} time zone ({zone}).",
        "duration_h1": "1 hour",
        "hour": "",
        "duration_h": "{h} hours",
        "duration_m": "{m} minutes",
        "duration_m1": "1 minute",
        "duration_and": " and ",
        "duration_d": "{d} days",
        "duration_d1": "1 day",
    },
}


# What a check establishes, as the letter states it, for the statements the bundled playbooks
# check by these names (``check=NAME``); any other check is named by its step's title.
STATEMENTS: dict[str, dict[str, str]] = {
    "nl": {"security": "Een aanval (hack of DDoS)",
           "data-integrity": "Beschadiging van bestanden of gegevens",
           "bestanden": "Beschadiging van bestanden of gegevens",
           "personal-data": "Een datalek (getroffen persoonsgegevens)",
           "persoonsgegevens": "Een datalek (getroffen persoonsgegevens)",
           "safety-systems": "Uitval van veiligheidssystemen (cameratoezicht, alarmlijnen)",
           "veiligheidssystemen": "Uitval van veiligheidssystemen (cameratoezicht, "
                                  "alarmlijnen)"},
    "en": {"security": "An attack (hack or DDoS)",
           "data-integrity": "Damage to files or data",
           "bestanden": "Damage to files or data",
           "personal-data": "A data breach (personal data affected)",
           "persoonsgegevens": "A data breach (personal data affected)",
           "safety-systems": "A failure of safety systems (CCTV, alarm lines)",
           "veiligheidssystemen": "A failure of safety systems (CCTV, alarm lines)"},
}

# What is still under investigation, for the same names (``pending_`` + the name).
PENDING: dict[str, dict[str, str]] = {
    "nl": {"security": "of er sprake was van een aanval (zoals een hack of DDoS-aanval)",
           "data-integrity": "of bestanden of gegevens zijn beschadigd",
           "bestanden": "of bestanden of gegevens zijn beschadigd",
           "personal-data": "of persoonsgegevens zijn getroffen",
           "persoonsgegevens": "of persoonsgegevens zijn getroffen",
           "safety-systems": "of veiligheidssystemen (cameratoezicht, alarmlijnen) zijn "
                             "uitgevallen",
           "veiligheidssystemen": "of veiligheidssystemen (cameratoezicht, alarmlijnen) zijn "
                                  "uitgevallen"},
    "en": {"security": "whether this was an attack (such as a hack or a DDoS attack)",
           "data-integrity": "whether files or data were damaged",
           "bestanden": "whether files or data were damaged",
           "personal-data": "whether personal data was affected",
           "persoonsgegevens": "whether personal data was affected",
           "safety-systems": "whether safety systems (CCTV, alarm lines) failed",
           "veiligheidssystemen": "whether safety systems (CCTV, alarm lines) failed"},
}
