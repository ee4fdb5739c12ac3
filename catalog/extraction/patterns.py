"""How pages write certificates, critics' grades, runtimes, years, ratings and votes."""

import re

# Certificates as boards write them; matched against a whole cell or label value.
CERTIFICATE = re.compile(
    r"(?:(?:Rated\s+)?(?:G|PG|PG-13|R|NC-17|NR|X|M|GP|Unrated|Not Rated|Approved|Passed)"
    r"|U|Uc|12A|12|15|18|R18|TV-(?:Y7?|G|PG|14|MA)|(?:FSK\s*)?(?:ab\s*)?(?:0|6|12|16|18)"
    r"(?:\s*Jahren?)?|FSK\s*\d+|Tous publics|TP|-1[026]|-18|VM\s?1[48]|T|Apta|A|AA)",
)
CERTIFICATE_FULL = re.compile(rf"\s*{CERTIFICATE.pattern}\s*")
# The code at the start of a rating label's value: "M15+ Occasional coarse language", "U/A".
CERTIFICATE_CODE = re.compile(
    r"(?:Rated\s+)?(?:PG-13|NC-17|TV-(?:Y7?|G|PG|14|MA)|MA\s?15\+|[GMR]\s?1[568]\+|R18\+|"
    r"U/A|UA|12A|PG|NR|G|R|X|M|U|A|(?:FSK\s*)?(?:ab\s*)?(?:0|6|12|16|18)(?:\s*Jahren?)?\+?|"
    r"Tous publics|VM\s?1[48]|T|-1[026]|-18|\d{1,2}\+?)(?![\w/])"
)
# A critic's grade: "7/10", "5/10", "(A)", "A-", "3 stars", "★★★½", "⭐️⭐️⭐️⭐️", "6,5 Kürbisse".
SCORE = re.compile(
    r"\(?(?P<score>\d{1,3}(?:[.,]\d)?\s*/\s*(?:10|5|4|20|100)|[A-F][+\-\u2013\u2212]?|"
    r"\d{1,2}(?:[.,]\d{1,2})?\s+(?:out of|of|von|sur|de|su|uit|z)\s+(?:10|5|4|20|100)"
    r"(?:\s?stars?)?|"
    r"\d(?:[.,]\d{1,2}|½)?\s*(?:stars?|STARS?|sterne?|étoiles?|estrellas?|stelle|punti|points|"
    r"puntos|punkte|bones)(?:\s+out\s+of\s+(?:10|5|4))?|\d[.,]\d\s*[A-ZÄÖÜa-zäöü]+|[★☆✭✩]+½?|(?:\u2b50\ufe0f?){1,5}½?|"
    # "Two stars out of four", "three and a half stars": the mark in words.
    r"(?i:one|two|three|four|five)(?:[ -]and[ -]a[ -]half)?\s+stars?"
    r"(?:\s+out\s+of\s+(?i:four|five|4|5))?|"
    r"\*{1,5}(?:\s?1/2|½)?)\)?"
)

MINUTES = (
    r"(?:m|min|mins|minutes?|minuten|minutos|minuti|minuter|minuty|minutter|minut|мин|минут[аы]?)"
)
SECONDS = r"(?:\s*\d{1,2}\s*(?:sekunden|seconds?|secs|sek|sec|сек|s)\b)?"
RUNTIME = re.compile(
    r"\b\d{1,2}\s*(?:h|hr|hrs|hours?|std\.?|stunden?|heures?|horas?|ore|ч|часов|часа|час)\.?"
    r",?\s*(?:(?:&|and|et|und|y|e)\s*)?"
    rf"\d{{1,2}}(?:\s*{MINUTES}\b\.?{SECONDS})?"
    rf"|\b\d{{2,3}}(?::\d\d)?\s*{MINUTES}\b\.?{SECONDS}"
    r"|\b\d{1,2}\s*(?:h|hr|hrs|hours?|ч)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:18[89]\d|19\d\d|20[0-3]\d)\b")
RATING_VOTES = re.compile(
    r"(?P<rating>(?:\b\d{1,2}[.,]\d{1,2}|\b\d(?=\s*/\s*10\b))(?:\s*/\s*(?:10|5|100))?)"
    r"[\s\u00a0]*\((?P<votes>(?:\d[\d,.\u00a0 ]*\d|\d)[KkM]?)"
    r"(?:\s*(?:votes|ratings|stimmen|votos|voti|avis|bewertungen))?\)",
    re.IGNORECASE,
)
VOTES = re.compile(
    r"\(?(?P<votes>\d[\d,.]*\d|\d)\s*(?:votes|user ratings|ratings|users|stimmen|votos|voti|"
    r"avis|bewertungen)\)?",
    re.IGNORECASE,
)
# An audience's rating out of ten, written with its scale: "7.2/10", "6.7 / 10".
RATING = re.compile(r"\b(?P<rating>(?:\d{1,2}[.,]\d{1,2}|\d{1,2})\s*/\s*10)\b")

# Month names as pages write dates, in the languages of their labels (Polish and Russian in the
# genitive they take after a day).
MONTHS = (
    r"(?:jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|f[ée]vrier|fevereiro|m[äa]r(?:ch|z|s)?|"
    r"enero|febrero|marzo|"
    r"mars|mar[cç]o|apr(?:il)?|avril|abril|may|mai|mayo|maio|jun(?:e|i|io|ho)?|juin|jul(?:y|i|io|"
    r"ho)?|juillet|aug(?:ust)?|ao[uû]t|agosto|sep(?:t|tember)?|septembre|sept?iembre|setembro|"
    r"oct(?:ober)?|okt(?:ober)?|octobre|octubre|outubro|nov(?:ember)?|novembre|noviembre|"
    r"novembro|dec(?:ember)?|dez(?:ember)?|d[ée]cembre|diciembre|dezembro|gennaio|febbraio|"
    r"aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|juni|"
    r"juli|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|"
    r"pa[zź]dziernika|listopada|grudnia|ledna|února|března|dubna|května|června|července|srpna|"
    r"září|října|listopadu|prosince|января|февраля|марта|апреля|мая|июня|июля|августа|"
    r"сентября|октября|ноября|декабря)\.?"
)
# A full date: "21 February 2014", "Jan 18, 1991", "March 17th, 1995", "30.03.2023",
# "09-03-1980", "2023-04-01", "13 PAŹDZIERNIKA 2017".
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?{MONTHS}\s+(?:de\s+)?(?P<a>{YEAR.pattern})"
    rf"|{MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<b>{YEAR.pattern})"
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-](?P<c>{YEAR.pattern})|(?P<d>{YEAR.pattern})-\d\d-\d\d)",
    re.IGNORECASE,
)
MONTH_YEAR = re.compile(rf"^{MONTHS}\s+{YEAR.pattern}$", re.IGNORECASE)


def date_year(match: re.Match[str]) -> str:
    return next(year for year in match.group("a", "b", "c", "d") if year)
