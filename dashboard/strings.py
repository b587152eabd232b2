"""All Dutch text the dashboard shows, in one place."""

from __future__ import annotations

APP_TITLE = "Voortgangsmonitor"
PAGE_ACTIVITIES = "Activiteiten"
PAGE_SOURCES = "Bronnen"

# Status words always come with an icon, so colour is never the only cue (colour-blind users).
STATUS_LABELS = {
    "on_track": "✓ op koers",
    "partly": "◐ deels",
    "council_action": "⚠ bijsturing raad",
    "done": "● gereed",
    "unknown": "? onbekend",
}
NO_STATUS = "–"

EMPTY_DATABASE = (
    "Nog geen documenten geladen — voer `voortgang load <bestand>` uit, of start `voortgang serve` "
    "zonder database om de voorbeelddocumenten te laden."
)
NO_ACTIVITIES = "De geladen documenten bevatten (nog) geen activiteiten met een status."
NO_ACTIVITIES_FOR_FILTER = "Geen activiteiten voor deze gemeente."
DATABASE_MISSING = "Database {path} bestaat niet. Voer `voortgang load <bestand> --db {path}` uit."
DATABASE_BUSY = "De database wordt net vervangen door een nieuwe lading; de pagina wordt opnieuw geladen."

FILTER_MUNICIPALITY = "Gemeente"
ALL = "Alle"

ACTIVITIES_HEADER = "Activiteiten en hun status per periode"
ACTIVITIES_CAPTION = "Status per rapportageperiode, zoals gerapporteerd in de geladen documenten."
SOURCES_HEADER = "Geladen documenten"
SOURCES_CAPTION = "Wat er uit elk document is gehaald, en wat niet begrepen werd (meldingen)."
WARNINGS_HEADER = "Meldingen bij het inlezen"
NO_WARNINGS = "Geen meldingen."

COL_CODE = "Code"
COL_ACTIVITY = "Activiteit"
COL_PROGRAMME = "Programma"
COL_THEME = "Thema"
COL_TARGET_YEAR = "Jaar realisatie"
COL_MUNICIPALITY = "Gemeente"
COL_TITLE = "Titel"
COL_DOC_TYPE = "Soort document"
COL_YEAR = "Jaar"
COL_SOURCE = "Bestand"
COL_LOADED_AT = "Geladen op"
COL_ACTIVITIES = "Activiteiten"
COL_STATUSES = "Statussen"
COL_WARNINGS = "Meldingen"
COL_LINE = "Regel"
COL_WARNING_CODE = "Soort"
COL_MESSAGE = "Melding"
COL_DOCUMENT = "Document"

METRIC_DOCUMENTS = "Documenten"
METRIC_ACTIVITIES = "Activiteiten"
METRIC_STATUSES = "Statussen"
