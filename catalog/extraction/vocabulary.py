"""The words that mark a fact on film pages, in English, German, French, Spanish and Italian."""

import re

from catalog.normalise import fold


def words(spec: str) -> list[str]:
    """The words of a "|"-parted list, which may run over several lines."""
    return [" ".join(word.split()) for word in spec.split("|") if word.strip()]


# Label word (folded) -> claim field. A label ends in ":" or stands alone on its line.
LABELS: dict[str, str] = {}
for claim_field, spec in {
    "director": """directed by|director|directors|direction|regie|regisseur|regisseurin|
        realise par|realisation|realisateur|realisatrice|mise en scene|direccion|director|
        dirigida por|dirigido por|directora|regia|regista|diretto da|direcao|realizacao""",
    "writer": """written by|writer|writers|screenplay|screenplay by|screenwriter|story|
        drehbuch|buch|autor|autoren|scenario|scenariste|scenaristes|guion|guionista|
        guionistas|sceneggiatura|sceneggiatori|scritto da|roteiro|argumento e guion""",
    "cast": """starring|cast|stars|top cast|main cast|full cast|actors|cast overview|with|
        darsteller|besetzung|hauptdarsteller|mit|schauspieler|avec|distribution|acteurs|
        interpretes|reparto|protagonistas|elenco|interpreti|cast principale|con|attori|
        top billed cast|billed cast|cast crew|cast and crew|cast details|starring cast|
        actors and actresses|estrelas|elenco principal""",
    "runtime": """running time|runtime|run time|length|duration|laufzeit|lange|dauer|
        spieldauer|spielzeit|duree|duracion|durata|duracao""",
    "year": """year|released|release|release date|release year|year of release|
        production year|erscheinungsjahr|produktionsjahr|jahr|kinostart|annee|sortie|
        date de sortie|annee de production|ano|estreno|fecha de estreno|anno|uscita|
        data di uscita|uscita originale|release dates|original release|premiere|ano de lancamento|
        erstauffuhrung|produktionsjahr|jahr der produktion""",
    "certificate": """rated|rating|certificate|certification|mpaa|mpaa rating|parental rating|
        fsk|altersfreigabe|freigabe|classification|interdiction|clasificacion|calificacion|
        edad|divieto|visto censura|classificacao|classificacao indicativa|age rating""",
    "genre": "genre|genres|genero|generos|genere|generi|category|kategorie|gattung|genero",
    "title": """title|original title|originaltitel|titel|titre|titre original|titulo|
        titulo original|titolo|titolo originale|original titel|titre vo|originaltitel""",
    "tagline": "tagline|taglines|slogan|accroche|lema|frase di lancio",
    "synopsis": """plot|synopsis|storyline|plot summary|summary|story|handlung|inhalt|
        synopse|resume|sinopsis|argumento|trama|la trama|storia|resumen|sinossi|sinopse|
        about the film|about this film|plot outline|inhaltsangabe""",
    "user_rating": """user rating|users|imdb rating|audience score|average rating|
        average user rating|nutzerwertung|nutzer|note des spectateurs|spectateurs|
        valoracion de los usuarios|usuarios|media voto|voto medio|utenti|nota media|
        valoracion media|puntuacion media|note moyenne|note spectateurs|durchschnitt""",
    "verdict": """verdict|our verdict|critique|bottom line|fazit|unser fazit|notre avis|
        giudizio|veredicto|conclusion|in short""",
    "score": """final grade|puntuacion|puntaje|our score|score|bewertung|wertung|note|voto|
        valoracion|calificacion final|nota|grade|our rating|my rating|rating""",
    "votes": "votes|ratings count|stimmen|votos|voti|avis",
    "setting": "setting|set in|location|schauplatz|handlungsort|lieu|ambientazione",
    "period": "period|time period|epoche|epoque|epoca",
    "language": "language|languages|original language|sprache|originalsprache|langue|idioma|"
    "lingua|lingua originale",
    "country": """country|countries|country of origin|land|produktionsland|herkunftsland|
        pays|pais|paese|nazione|paese di produzione|pais de origen|nacionalidad""",
}.items():
    for word in words(spec):
        LABELS.setdefault(" ".join(word.split()), claim_field)

# Headings that open a section of the named kind (alone on their line).
SECTION_HEADINGS = {
    word: claim_field
    for word, claim_field in LABELS.items()
    if claim_field in ("synopsis", "cast") and len(word) > 3 and word not in ("with", "story")
} | {"story": "synopsis", "cast crew": "cast", "cast details": "cast"}

GENRES = {
    fold(word)
    for word in words(
        """
        drama|comedy|thriller|musical|political|horror|action|adventure|romance|crime|war|
        western|documentary|animation|animated|fantasy|science fiction|sci-fi|mystery|family|
        biography|biopic|history|historical|music|sport|sports|film noir|noir|satire|
        period romance|period drama|romantic comedy|black comedy|dark comedy|comedy drama|
        comedy-drama|drama thriller|psychological thriller|spy thriller|action thriller|
        political thriller|crime drama|war drama|legal drama|courtroom drama|melodrama|
        coming-of-age|teen|road movie|disaster|superhero|martial arts|suspense|epic|short|
        experimental|erotic|slasher|zombie|monster|heist|gangster|spy|komodie|krimi|abenteuer|
        liebesfilm|romanze|kriegsfilm|dokumentarfilm|dokumentation|zeichentrick|
        science-fiction|historienfilm|tragikomodie|familienfilm|actionfilm|horrorfilm|
        fantasyfilm|musikfilm|jugendfilm|drame|comedie|policier|aventure|guerre|documentaire|
        epouvante|horreur|comedie dramatique|historique|espionnage|fantastique|animation|
        comedia|suspenso|terror|aventuras|belico|documental|animacion|ciencia ficcion|
        romantico|policiaco|drammatico|commedia|giallo|orrore|avventura|documentario|
        animazione|fantascienza|sentimentale|musicale|poliziesco|storico|biografico|
        fantastico|dramma|drame psychologique
        """
    )
}

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
# A critic's grade: "7/10", "5/10", "(A)", "A-", "3 stars", "★★★½", "6,5 Kürbisse".
SCORE = re.compile(
    r"\(?(?P<score>\d{1,3}(?:[.,]\d)?\s*/\s*(?:10|5|4|100)|[A-F][+-]?|\d(?:[.,]\d|½)?\s*"
    r"(?:stars?|sterne?|étoiles?|estrellas?|stelle|punti|points|puntos|punkte|bones)|"
    r"\d[.,]\d\s*[A-ZÄÖÜa-zäöü]+|[★☆✭✩]+½?)\)?"
)

RUNTIME = re.compile(
    r"\b\d{1,2}\s*(?:h|hr|hrs|hours?|std\.?|stunden?|heures?|horas?|ore)\.?\s*\d{1,2}"
    r"(?:\s*(?:m|min|mins|minutes?|minuten|minutos|minuti)\b\.?)?"
    r"|\b\d{2,3}(?::\d\d)?\s*(?:m|min|mins|minutes?|minuten|minutos|minuti)\b\.?"
    r"|\b\d{1,2}\s*(?:h|hr|hrs|hours?)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:18[89]\d|19\d\d|20[0-3]\d)\b")
RATING_VOTES = re.compile(
    r"(?P<rating>\b\d{1,2}[.,]\d{1,2}|\b\d(?=\s*/\s*10\b))(?:\s*/\s*(?:10|5|100))?"
    r"[\s\u00a0]*\((?P<votes>\d[\d,.\u00a0 ]*\d|\d)(?:\s*(?:votes|ratings|stimmen|votos|voti"
    r"|avis|bewertungen))?\)",
    re.IGNORECASE,
)
VOTES = re.compile(
    r"\(?(?P<votes>\d[\d,.]*\d|\d)\s*(?:votes|user ratings|ratings|stimmen|votos|voti|"
    r"avis|bewertungen)\)?",
    re.IGNORECASE,
)
RATING = re.compile(r"\b(?P<rating>\d{1,2}[.,]\d{1,2}|\d{1,2})\s*/\s*10\b")

# Sentences that judge the film: their words, and how much each says about the verdict.
POSITIVE = set(
    fold(word)
    for word in words(
        """
        captivating|masterful|masterfully|masterpiece|brilliant|brilliantly|superb|
        outstanding|excellent|wonderful|delightful|compelling|gripping|engrossing|moving|
        powerful|stunning|mesmerizing|mesmerising|remarkable|triumph|beautifully|seamlessly|
        enchanting|charming|essential|must-see|recommended|rewarding|thrilling|enjoyable|
        satisfying|funny|hilarious|riveting|absorbing|poignant|luminous|exhilarating|
        impressive|praised|acclaimed|sehenswert|gelungen|grandios|meisterwerk|brillant|
        fesselnd|packend|empfehlenswert|chef-d'oeuvre|magnifique|reussi|bouleversant|
        captivant|formidable|obra|maestra|excelente|magnifica|recomendable|imperdible|
        capolavoro|splendido|riuscito|avvincente|superbe|drole|emouvant|passionnant|bijou|
        jubilatoire|rejouissant|magistral|reussite|incontournable|savoureux|brillante|
        entretenida|entretenido|divertida|divertido|emocionante|imprescindible|notable|
        estupenda|estupendo|maravillosa|maravilloso|bellissimo|emozionante|divertente|
        magistrale|imperdibile|straordinario|notevole|grossartig|spannend|unterhaltsam|
        meisterhaft|herausragend|wunderbar|beeindruckend
        """
    )
)
NEGATIVE = set(
    fold(word)
    for word in words(
        """
        ludicrous|meandering|wanly|flat|dull|boring|tedious|fails|failed|failure|
        disappointing|disappointment|mess|messy|clumsy|silly|tiresome|lifeless|bland|
        forgettable|worst|awful|terrible|weak|lame|pointless|pretentious|overlong|schlock|
        schlocky|panders|opportunistically|jaded|unpolished|caterwaulin|uninspired|
        predictable|cliched|clichéd|howler|misfire|dud|langweilig|misslungen|enttauschend|
        schwach|ennuyeux|decevant|aburrida|aburrido|decepcionante|fallida|noioso|
        deludente|mediocre|navet|ridicule|previsible|poussif|interminable|decevante|ennuyeuse|
        insipide|laborieux|floja|flojo|tediosa|tedioso|insufrible|ridicula|ridiculo|
        decepcion|desastre|prevedibile|banale|noiosa|fiacco|scontato|delusione|vorhersehbar|
        belanglos|argerlich|platt
        """
    )
)
MIXED = set(
    fold(word)
    for word in words(
        """
        mixed|uneven|flawed|albeit|uneven|patchy|gemischt|mitigé|mitige|irregular
        """
    )
)
VERDICT_OPENERS = re.compile(
    r"^(?:in conclusion|overall|all in all|in short|in the end|ultimately|on the whole|"
    r"in sum|to sum up|the verdict|verdict|fazit|insgesamt|en somme|en conclusion|au final|"
    r"en resumen|en definitiva|in conclusione|insomma|in definitiva|en résumé|bref|"
    r"pour conclure|para concluir|alles in allem|unterm strich|nel complesso|tutto sommato|"
    r"in sintesi)\b",
    re.IGNORECASE,
)
RECEIVED_REVIEWS = re.compile(
    r"\breceived\s+(?P<kind>mixed|positive|negative|favou?rable|unfavou?rable|generally "
    r"positive|generally negative|rave|glowing|poor|lukewarm)\s+reviews\b",
    re.IGNORECASE,
)
