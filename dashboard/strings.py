"""All Dutch text the dashboard shows, in one place."""

from __future__ import annotations

APP_TITLE = "Voortgangsmonitor"
PAGE_OVERVIEW = "Overzicht"
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
STATUS_WORDS = {
    "on_track": "op koers",
    "partly": "deels",
    "council_action": "bijsturing raad",
    "done": "gereed",
    "unknown": "onbekend",
}
NO_STATUS = "–"
MISSING = "—"  # a table cell without a value
CHANGE_LABELS = {"improved": "▲ verbeterd", "worsened": "▼ verslechterd", "unchanged": "= gelijk"}

EMPTY_DATABASE = (
    "Nog geen documenten geladen — voer `voortgang load <bestand>` uit, of start `voortgang serve` "
    "zonder database om de voorbeelddocumenten te laden."
)
NO_ACTIVITIES = "De geladen documenten bevatten (nog) geen activiteiten met een status."
NO_ACTIVITIES_FOR_FILTER = "Geen activiteiten met een status voor deze selectie. Verruim de filters in de zijbalk."
NO_DATA_FOR_CHART = "Geen gegevens voor deze selectie"
DATABASE_OLD = (
    "Database {path} is gemaakt door een oudere versie (schema {version}, nu {current}). Start het dashboard "
    "opnieuw met `voortgang serve`, of laad een document met `voortgang load`: dat werkt de database bij zonder "
    "iets te verliezen."
)
DATABASE_MISSING = "Database {path} bestaat niet. Voer `voortgang load <bestand> --db {path}` uit."
DATABASE_UNREADABLE = (
    "Bestand {path} is geen database van Voortgangsmonitor of is beschadigd. Start het dashboard met "
    "een andere database (`voortgang serve --db <bestand>`); het bestand is niet gewijzigd."
)
DATABASE_LOCKED = (
    "Database {path} is in gebruik door een ander programma dat erin schrijft. Sluit dat programma (het laden met "
    "`voortgang load` stoort niet) en laad de pagina opnieuw."
)
DATABASE_FOREIGN = (
    "Bestand {path} is een DuckDB-database, maar niet van Voortgangsmonitor. Start het dashboard met een andere "
    "database; het bestand is niet gewijzigd."
)
DATABASE_NEW = (
    "Database {path} is gemaakt door een nieuwere versie van Voortgangsmonitor (schema {version}, deze versie kent "
    "{current}). Werk Voortgangsmonitor bij; het bestand is niet gewijzigd."
)

FILTERS_HEADER = "Filters"
FILTER_MUNICIPALITY = "Gemeente"
FILTER_DOCUMENT = "Document"
FILTER_PROGRAMME = "Programma"
FILTER_THEME = "Thema"
FILTER_PERIOD = "Periode"
FILTER_STATUS = "Status"
ALL = "Alle"
ALL_DOCUMENTS = "Alle documenten"
UNKNOWN_MUNICIPALITY_LABEL = "(gemeente onbekend)"
SHOWING = "Gemeente: **{municipality}**{document}"
SHOWING_DOCUMENT = " · document: {document}"
LATEST = "Laatste"
CHOOSE_STATUS = "Alle statussen"
FILTER_COMPARE = "Naast elkaar zetten met"
CHOOSE_COMPARE = "Geen andere gemeente"
COMPARE_HEADER = "Gemeenten naast elkaar"
COMPARE_CAPTION = (
    "Per gemeente de statussen in haar nieuwste periode, naast elkaar en nooit opgeteld. Programma, thema, "
    "periode en status hierboven gelden alleen voor {municipality}."
)
COMPARE_GROUP = "{municipality} ({period})"
CHART_COMPARE = "Activiteiten per status, per gemeente"
COMPARE_NONE = "{municipality} heeft geen activiteiten met een status."
INVALID_FILTER = "De link bevat een onbekende waarde voor {filter}: {value}. Die is genegeerd."

OVERVIEW_HEADER = "Overzicht van de voortgang"
KPI_ACTIVITIES = "Activiteiten"
KPI_ON_TRACK = "Op koers in {period}"
KPI_COUNCIL = "Bijsturing raad nodig"
KPI_CHANGED = "Gewijzigd sinds {period}"
KPI_CHANGED_NONE = "Gewijzigd"
KPI_CHANGED_NONE_HELP = "Er is geen eerdere rapportageperiode om mee te vergelijken."
KPI_DELTA = "{delta} procentpunt t.o.v. {period}"
CHART_TREND = "Status per rapportageperiode"
CHART_BY_PROGRAMME = "Status per programma in {period}"
CHART_BY_THEME = "Status per thema in {period}"
CHART_MATRIX = "Stoplicht: status per activiteit en periode"
CHART_TRANSITIONS = "Verschuivingen van {first} naar {second}"
CHART_TIMELINE = "Statusverloop"
AXIS_PERIOD = "Periode"
AXIS_ACTIVITIES = "Aantal activiteiten"
GROUP_LEVEL = "Indelen naar"
LEVEL_PROGRAMME = "Programma"
LEVEL_THEME = "Thema"
MATRIX_LIMITED = (
    "De matrix toont de laatste {periods} perioden en de eerste {rows} activiteiten; de download bevat alles."
)
TRANSITIONS_HEADER = "Wat is er veranderd?"
TRANSITION_FROM = "Van periode"
TRANSITION_TO = "Naar periode"
NOTHING_CHANGED = "Geen activiteit is van status veranderd tussen {first} en {second}."
CHANGED_ACTIVITY = "{name}: {before} → {after}"
CHANGED_MORE = "… en nog {count} activiteiten; de stoplichtmatrix en de download 'stoplicht' tonen ze allemaal."
TRANSITIONS_NEED_TWO = "Voor verschuivingen zijn minstens twee perioden nodig."
ATTENTION_HEADER = "Aandacht nodig"
ATTENTION_CAPTION = "Activiteiten die bijsturing van de raad vragen of verslechterd zijn sinds {period}."
ATTENTION_NONE = "Geen activiteiten die aandacht vragen in {period}."
MATRIX_HEADER = "Stoplicht"
SELECT_HINT = "Klik op een rij om de activiteit te openen."
OPEN_ACTIVITY = "Open {name}"

ACTIVITIES_HEADER = "Activiteiten"
ACTIVITIES_CAPTION = "Zoek en filter; klik op een rij voor de geschiedenis, teksten en de bron."
SEARCH = "Zoeken (code, naam of tekst)"
ACTIVITY_NOT_FOUND = "Activiteit {key!r} uit de link is niet gevonden; kies er een uit de tabel."
DETAIL_DESCRIPTION = "Omschrijving"
DETAIL_PROGRESS = "Stand van zaken"
DETAIL_PROPOSAL = "Voorstel aan de raad"
DETAIL_HISTORY = "Statusgeschiedenis"
DETAIL_SOURCE = "Bron: {title} ({source}, regel {line})"
DETAIL_SOURCE_PAGE = "Bron: {title} ({source}, pagina {page}, regel {line})"
DETAIL_TARGET_YEAR = "Jaar realisatie: {year}"
DETAIL_PLACE = "Programma: {programme} · Thema: {theme}"
NONE = "—"

SOURCES_HEADER = "Geladen documenten"
SOURCES_CAPTION = "Wat er uit elk document is gehaald, en wat niet begrepen werd (meldingen)."
WARNINGS_HEADER = "Meldingen bij het inlezen"
NO_WARNINGS = "Geen meldingen."
METRIC_DOCUMENTS = "Documenten"
METRIC_ACTIVITIES = "Activiteiten"
METRIC_STATUSES = "Statussen"
METRIC_WARNINGS = "Meldingen"

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
COL_BUDGET_LINES = "Begrotingsregels"
COL_DEVIATIONS = "Afwijkingen"
COL_INDICATORS = "Indicatoren"
COL_GOALS = "Doelen"
COL_WARNINGS = "Meldingen"
COL_LINE = "Regel"
COL_WARNING_CODE = "Soort"
COL_WARNING_MEANING = "Betekenis"
COL_MESSAGE = "Melding"
COL_DOCUMENT = "Document"
COL_STATUS = "Status"
COL_STATUS_BEFORE = "Status eerder"
COL_STATUS_RAW = "Zoals gedrukt"
COL_PERIOD = "Periode"
COL_PROPOSAL = "Voorstel raad"
COL_REASON = "Waarom"
COL_COUNT = "Aantal"
REASON_COUNCIL = "bijsturing raad"
REASON_WORSENED = "verslechterd"

PAGE_FINANCE = "Financiën"
PAGE_INDICATORS = "Indicatoren"
FINANCE_HEADER = "Financiën: begroting, realisatie en afwijkingen"
FINANCE_NONE = "Geen begrotingstabellen of afwijkingen in de geladen documenten voor deze selectie."
FINANCE_DOCUMENT_PICK = "Document"
FINANCE_DOCUMENT_CHOICE = "{title} ({year}) — {lines} begrotingsregels, {deviations} afwijkingen"
FINANCE_DOCUMENT_HELP = (
    "De documenten van deze gemeente met begrotingstabellen of afwijkingen; standaard het nieuwste met "
    "begrotingstabellen."
)
FINANCE_UNITS = "Bedragen in euro's, zoals het document ze drukt."
FINANCE_KIND = "Bedragen"
KIND_LABELS = {"lasten": "Lasten", "baten": "Baten", "saldo": "Saldo"}
THRESHOLD = "Drempel afwijkingen (€)"
THRESHOLD_HELP = "Afwijkingen kleiner dan dit bedrag worden niet getoond in de grafiek."
MEASURES = {"primitieve": "Primitieve begroting", "actuele": "Actuele begroting", "realisatie": "Realisatie"}
CHART_COMPARISON = "{kind} per programma/thema: begroting en realisatie"
CHART_DEVIATIONS = "Afwijkingen {kind} per thema (≥ {threshold})"
CHART_WATERFALL = "Van actuele begroting naar realisatie"
WATERFALL_START = "Actuele begroting ({scope})"
WATERFALL_END = "Realisatie ({scope})"
WATERFALL_REST = "Niet toegelicht / afronding"
AXIS_EUROS = "Euro"
AXIS_DEVIATION = "Afwijking in euro (V rechts, N links)"
DEVIATIONS_HEADER = "Afwijkingen en hun toelichting"
DEVIATIONS_SEARCH = "Zoeken in afwijkingen"
DEVIATIONS_OF_THEME = "Alleen de afwijkingen onder {theme} (gekozen in de grafiek; dubbelklik in de grafiek om alles te zien)."
DEVIATIONS_TOTAL = "{n} afwijkingen, samen {amount}"
DEVIATION_SELECT_HINT = "Klik op een afwijking voor de volledige toelichting en de bron."
DEVIATION_PARTS = "Onderdelen"
DEVIATION_NO_EXPLANATION = "Het document geeft geen toelichting bij deze afwijking."
SOURCE_EXCERPT = "Uit {title} ({source}), regels {first}–{last}"
CHECKS_HEADER = "Controles"
CHECKS_OK = (
    "Alle controles kloppen: totalen, verschillen, N/V, toelichtingen, statussen tegenover geld en de "
    "begrotingsfasen over de documenten heen."
)
CHECKS_CAPTION = "Bekijk deze bevindingen voordat u op de grafieken vertrouwt; de regel en pagina wijzen de bron aan."
CHECKS_THRESHOLD = (
    "Over alle documenten van deze gemeente. Een afwijking moet worden toegelicht boven de grens die het document "
    "noemt, anders boven de grens die voor de gemeente is afgesproken, anders boven {default}."
)
COL_CHECK = "Bevinding"
COL_SEVERITY = "Ernst"
COL_PAGE = "Pagina"
COL_CODE_CHECK = "Code"
SEVERITY_WORDS = {"check": "controle", "warning": "waarschuwing", "info": "ter informatie"}
COSTS_HEADER = "Kosten per activiteit (uitvoeringsprogramma's)"
COSTS_NONE = "Geen kostenposten van activiteiten voor deze selectie."
COL_ITEM = "Post"
COL_SCOPE = "Thema"
COL_AMOUNT = "Bedrag"
COL_DIRECTION = "N/V"
COL_INCIDENTAL = "Incidenteel"
COL_EXPLANATION = "Toelichting"
COL_NOTE = "Tekst"
COL_KIND = "Soort"
YES, NO = "ja", "nee"

INDICATORS_HEADER = "Indicatoren"
INDICATORS_CAPTION = (
    "Beleids- en prestatie-indicatoren per kader of programma; waarden per periode waar het document ze noemt."
)
INDICATORS_NONE = "Geen indicatoren in de geladen documenten voor deze selectie."
INDICATORS_SEARCH = "Zoeken in indicatoren"
INDICATORS_GROUP = "Kader / programma"
INDICATORS_COUNT = "{n} indicatoren in {groups} groepen"
COL_INDICATOR = "Indicator"
COL_GROUP = "Kader / programma"
COL_UNIT = "Eenheid"
COL_VALUES = "Waarden"
COL_TREND = "Verloop"
COL_TARGET = "Streefwaarde"
COL_SOURCE_NAME = "Bron"
NO_VALUES = "nog geen waarden"

DOWNLOAD = "Downloaden"
DOWNLOAD_PNG = "Afbeelding (PNG)"
DOWNLOAD_SVG = "Afbeelding (SVG)"
DOWNLOAD_HTML = "Interactief (HTML)"
DOWNLOAD_CSV = "Gegevens (CSV)"
DOWNLOAD_XLSX = "Gegevens (Excel)"
DOWNLOAD_REPORT = "Rapport van deze pagina (HTML, printbaar)"
DOWNLOAD_REPORT_PDF = "Rapport van deze pagina (PDF)"
PDF_PAGE_NUMBER = "Pagina <span class='pageNumber'></span> van <span class='totalPages'></span>"
NO_CHROMIUM = (
    "Afbeeldingen downloaden kan niet: Chromium ontbreekt op de server. Installeer het met "
    "`apt-get install chromium`. CSV, Excel en HTML werken wel."
)
COPY_LINK = "Link naar deze weergave"
COPY_LINK_HELP = "Kopieer deze link om precies deze weergave, met filters, te delen."
EXPORT_FILTERS = "Filters"
EXPORT_SOURCES = "Bronnen"
EXPORT_CREATED = "Gemaakt op"
EXPORT_SHEET_DATA = "Gegevens"
EXPORT_SHEET_ABOUT = "Filters en bronnen"

PAGE_UPLOAD = "Documenten toevoegen"
UPLOAD_DROP_HINT = "Sleep bestanden hierheen · max. {limit} MB per bestand · TXT, HTML, PDF, DOCX, XLSX"
UPLOAD_BROWSE = "Kies bestanden"
UPLOAD_HEADER = "Documenten toevoegen"
UPLOAD_CAPTION = (
    "Kies een of meer documenten: tekst (.txt), webpagina (.html), PDF, Word (.docx) of Excel (.xlsx), "
    "hoogstens {limit} MB per bestand. U ziet eerst wat eruit gehaald is; pas na bevestigen wordt het "
    "geladen. Een bestand met dezelfde naam en gemeente vervangt de eerdere versie."
)
UPLOAD_TOO_SLOW = (
    "Het lezen duurde langer dan {seconds} seconden en is gestopt; er is niets geladen. Probeer het bestand "
    "in delen, of laad het met `voortgang load`."
)
UPLOAD_WORKER_FAILED = (
    "Het lezen is gestopt omdat het te veel geheugen of rekentijd kostte; er is niets geladen. Probeer het "
    "bestand in delen, of laad het met `voortgang load`."
)
UPLOAD_LABEL = "Documenten"
UPLOAD_MUNICIPALITY = "Gemeente"
UPLOAD_MUNICIPALITY_DETECT = "Uit het document halen"
UPLOAD_TOO_LARGE = "{name}: het bestand is groter dan {limit} MB en wordt niet gelezen."
UPLOAD_UNREADABLE = "{name}: {reason}"
UPLOAD_READING = "{name} wordt gelezen …"
UPLOAD_PREVIEW = "{name} — {municipality}, {title} ({year})"
UPLOAD_CONFIRM = "Laden in de database"
UPLOAD_NOTHING = "Geen leesbare documenten om te laden."
UPLOAD_LOADED = "{name}: geladen ({outcome})."
UPLOAD_FAILED = "{name}: niet geladen — {reason}"
UPLOAD_OUTCOMES = {"loaded": "nieuw", "replaced": "vervangt de eerdere versie", "unchanged": "was al geladen"}
UPLOAD_COUNTS = {
    "activities": "Activiteiten",
    "statuses": "Statussen",
    "budget_lines": "Begrotingsregels",
    "deviations": "Afwijkingen",
    "indicators": "Indicatoren",
    "goals": "Doelen",
    "warnings": "Meldingen",
}
# Dutch for the reasons a file cannot be read at all (matched on the start of the English reason).
UNREADABLE_REASONS = {
    "the file is empty": "het bestand is leeg",
    "the file has no text": "het bestand bevat geen tekst",
    "binary content": "dit is geen tekstdocument",
    "not a text document": "dit is geen tekstdocument in een bekende tekenset",
    "the PDF has no text layer": "de PDF heeft geen tekstlaag (een scan?); exporteer het document als tekst",
    "not a readable PDF": "de PDF is beschadigd of geen echte PDF",
    "not a readable Word": "het Word-bestand is beschadigd",
    "not a readable Excel": "het Excel-bestand is beschadigd",
    "old Office": "oude Office-bestanden (.doc/.xls) worden niet ondersteund; sla op als .docx of .xlsx",
    "ZIP archive": "een ZIP-archief wordt niet ondersteund",
    "not a readable Office package": "het Office-bestand is beschadigd",
    "the file unpacks to": "het bestand pakt uit tot veel meer dan het lijkt (een 'zip-bom'?) en is geweigerd om "
    "de server te beschermen",
}

COL_COLUMN = "Kolom"
COL_STATUS_FROM = "Status van"
COL_STATUS_TO = "Status naar"
COL_CHANGE = "Verandering"
COL_VALUE = "Waarde"

# The optional login (dashboard/login.py)
LOGIN_TEXT = "Dit dashboard is alleen toegankelijk na inloggen. U ziet daarna de gemeenten waarvoor u bent gemachtigd."
LOGIN_BUTTON = "Inloggen"
LOGOUT_BUTTON = "Uitloggen"
LOGGED_IN_AS = "Ingelogd als {user}"
LOGIN_NO_ACCESS = (
    "U bent ingelogd als {user}, maar het rollenbestand geeft u geen toegang tot gemeenten. Vraag de beheerder "
    "van het dashboard om u toe te voegen."
)
LOGIN_NO_ROLES = (
    "Inloggen is ingesteld, maar er is geen rollenbestand: niemand krijgt toegang. Start het dashboard met "
    "`voortgang serve --roles rollen.toml`."
)
LOGIN_ROLES_BROKEN = "Het rollenbestand kan niet worden gebruikt, dus niemand krijgt toegang: {reason}"
LOGIN_SECRETS_BROKEN = "De instellingen voor inloggen (secrets.toml) kunnen niet worden gelezen: {reason}"
NO_ALLOWED_DOCUMENTS = "Er zijn nog geen documenten geladen van de gemeente(n) waartoe u toegang hebt."

# The controller's checks across documents (dashboard/checks.py)
OR = " of "
THRESHOLD_FROM_DOCUMENT = "zoals het document zegt, regel {line}"
THRESHOLD_FROM_VOCABULARY = "afgesproken voor deze gemeente"
THRESHOLD_DEFAULT = "standaardgrens; het document noemt geen grens"
FINDING_ITEM_UNEXPLAINED = "{item}: {amount} {direction} boven de toelichtingsgrens {threshold}, zonder toelichting."
FINDING_DIFFERENCE_UNEXPLAINED = (
    "{scope} ({kind}): verschil {amount} {direction} boven de toelichtingsgrens {threshold}; geen afwijking licht het toe."
)
FINDING_ON_TRACK_OVERSPENT = (
    "{code} {name} staat op '{status}' ({period}), maar {document} toont een nadeel van {amount} op deze regel."
)
FINDING_COUNCIL_WITHOUT_MONEY = (
    "{code} {name} vraagt bijsturing van de raad ({period}) en de tekst noemt financiële gevolgen, maar het "
    "document toont er geen bedrag of afwijking voor."
)
FINDING_STAGE_AMENDED = (
    "{scope} ({kind} {year}): de jaarrekening noemt als begroting na wijziging {account}, maar de begroting plus de "
    "wijzigingen tot en met {document} is {expected}."
)
FINDING_STAGE_ACTUALS = (
    "{scope} ({kind} {year}): realisatie {actual} wijkt {gap} af van de laatste raming {forecast} ({document}), "
    "zonder toelichting in de jaarrekening."
)

# Vergelijken: budget stages, two documents side by side, over the years and other municipalities
PAGE_COMPARE = "Vergelijken"
COMPARE_HEADER = "Vergelijken over documenten, jaren en gemeenten"
TAB_STAGES = "Begrotingsfasen"
TAB_TWO_DOCUMENTS = "Twee documenten"
TAB_YEARS_PEERS = "Meerjarig en andere gemeenten"
STAGES_CAPTION = (
    "Per regel de primitieve begroting, de begroting na elke wijziging (voortgangsrapportages, najaarsnota) en de "
    "realisatie (jaarrekening), elk uit het eigen document."
)
STAGES_NONE = "Geen begrotingsfasen: laad de begroting, de rapportages en de jaarrekening van een jaar."
STAGE_YEAR = "Jaar"
STAGE_SCOPE = "Regel"
STAGE_ROLES = {"original": "Begroting", "amendment": "Wijziging", "actuals": "Realisatie"}
STAGE_STEP = "{role}: {title}"
STAGE_CHANGES = {"original": "Begroting", "amendment": "Wijziging", "actuals": "Verschil met realisatie"}
STAGE_END = "Realisatie"
STAGE_NO_EXPLANATION = "geen toelichting in dit document"
CHART_STAGES = "{scope} ({kind} {year}): van begroting naar realisatie"
COL_STAGE = "Fase"
TWO_FIRST = "Eerste document"
TWO_SECOND = "Tweede document"
TWO_NONE = "Er zijn minder dan twee documenten van deze gemeente geladen."
TWO_MONEY = "Bedragen per regel"
TWO_STATUSES = "Status per activiteit"
TWO_EXPLANATIONS = "Gewijzigde toelichtingen"
TWO_NOTHING = "Geen {what} in deze twee documenten."
COL_FIRST = "Eerste: {title}"
COL_SECOND = "Tweede: {title}"
COL_DIFFERENCE = "Verschil"
YEARS_NO_LINES = "De geladen documenten van deze gemeente bevatten geen begrotingstabellen."
YEARS_HEADER = "Eén regel over de jaren"
YEARS_NONE = "Deze regel staat in geen enkel jaar met een begroting, wijziging of realisatie."
CHART_YEARS = "{scope} ({kind}) over de jaren"
PEERS_HEADER = "Dezelfde regel bij andere gemeenten"
PEERS_CAPTION = (
    "Per gemeente de regel met de meest gelijkende naam in haar nieuwste jaarrekening (of nieuwste document); "
    "de overeenkomst staat erbij, want programma's heten niet overal hetzelfde."
)
PEERS_TOWNS = "Gemeenten"
PEERS_NONE = "Geen gemeente heeft een regel met een gelijkende naam."
PEERS_POPULATION = "Inwonertallen (CSV: gemeentecode; jaar; inwoners)"
PEERS_PER_INHABITANT = "Per inwoner"
CHART_PEERS = "{scope} ({kind}) bij andere gemeenten"
AXIS_YEAR = "Jaar"
AXIS_EUROS_PER_INHABITANT = "Euro per inwoner"
COL_MATCH = "Overeenkomst (%)"
COL_INHABITANTS = "Inwoners"
COL_PER_INHABITANT = "Per inwoner"
POPULATION_COLUMN_MISSING = "Het inwonersbestand mist een kolom; verwacht een van: {names}."
POPULATION_UNREADABLE = "Het inwonersbestand is geen leesbaar CSV-bestand ({reason})."
POPULATION_TOO_LONG = "Het inwonersbestand heeft meer dan {rows} regels."
POPULATION_BAD_ROW = "Regel {line} van het inwonersbestand is niet bruikbaar (gemeentecode, jaar, inwoners): {row}"

COLUMN_NAMES = {  # database column → the Dutch header pages and exports show
    "period": COL_PERIOD,
    "status": COL_STATUS,
    "n": COL_COUNT,
    "code": COL_CODE,
    "name": COL_ACTIVITY,
    "status_raw": COL_STATUS_RAW,
    "municipality": COL_MUNICIPALITY,
    "programme": COL_PROGRAMME,
    "theme": COL_THEME,
    "item": COL_ITEM,
    "scope": COL_SCOPE,
    "amount_eur": COL_AMOUNT,
    "direction": COL_DIRECTION,
    "incidental": COL_INCIDENTAL,
    "explanation": COL_EXPLANATION,
    "group_name": COL_GROUP,
    "indicator": COL_INDICATOR,
    "values": COL_VALUES,
    "unit": COL_UNIT,
    "target": COL_TARGET,
    "source": COL_SOURCE_NAME,
    "title": COL_DOCUMENT,
    "line": COL_LINE,
    "amount": COL_AMOUNT,
    "target_year": COL_TARGET_YEAR,
    "activity_code": COL_CODE,
    "activity_name": COL_ACTIVITY,
    "column": COL_COLUMN,
    "kind": COL_KIND,
    "message": COL_MESSAGE,
    "year": COL_YEAR,
    "value": COL_VALUE,
    "status_from": COL_STATUS_FROM,
    "status_to": COL_STATUS_TO,
    "status_before": COL_STATUS_BEFORE,
    "change": COL_CHANGE,
    "proposal": COL_PROPOSAL,
    "note": COL_NOTE,
    "activity": COL_ACTIVITY,
    "document": COL_DOCUMENT,
    "page": COL_PAGE,
    "role": COL_STAGE,
    "column_a": "Kolom eerste document",
    "amount_a": "Bedrag eerste document",
    "line_a": "Regel eerste document",
    "column_b": "Kolom tweede document",
    "amount_b": "Bedrag tweede document",
    "line_b": "Regel tweede document",
    "difference": COL_DIFFERENCE,
    "original": MEASURES["primitieve"],
    "amendment": "Begroting na wijziging",
    "actuals": MEASURES["realisatie"],
    "match": COL_MATCH,
    "inhabitants": COL_INHABITANTS,
    "per_inhabitant": COL_PER_INHABITANT,
}

# Activity links across documents (dashboard/linking.py, link_panel.py)
LINK_HEADER = "Zelfde activiteit in andere rapporten"
LINK_EARLIER = "Eerder: {name}"
LINK_LATER = "Later: {name}"
LINK_STATES = {
    "assumed": "automatisch gekoppeld (zekerheid {confidence}%)",
    "proposed": "voorgesteld (zekerheid {confidence}%)",
    "confirmed": "bevestigd",
    "rejected": "afgewezen: niet dezelfde activiteit",
}
LINK_CONFIRM = "Bevestigen"
LINK_REJECT = "Afwijzen"
LINK_UNDO_REJECT = "Toch koppelen"
LINK_MAKE = "Koppelen met een andere activiteit"
LINK_MAKE_BUTTON = "Koppelen"
LINK_NONE = "Deze activiteit staat onder deze code en naam in alle geladen rapporten van de gemeente."
LINK_FAILED = "De keuze kon niet worden bewaard: {reason}"
DETAIL_REPORTS = "Per rapport"
DETAIL_REPORT = "{title}: {code} {name}"
TWO_CHANGES = "Wat is er veranderd per activiteit"
CHANGE_KINDS = {
    "worsened": "▼ verslechterd",
    "improved": "▲ verbeterd",
    "renumbered": "↪ andere code",
    "new": "+ nieuw",
    "dropped": "− niet meer gerapporteerd",
    "unchanged": "= gelijk",
}
CHANGE_ITEM = "{code} {name}: {before} → {after}"
CHANGE_DIFF_PROGRESS = "Stand van zaken (woorden die verdwenen doorgestreept, nieuwe vet)"
CHANGE_DIFF_PROPOSAL = "Voorstel aan de raad"
CHANGE_SAME_TEXT = "Tekst ongewijzigd."
