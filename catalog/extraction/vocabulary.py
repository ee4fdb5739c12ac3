"""The labels that mark a fact on film pages, in the languages film pages are written in."""

import re
from functools import lru_cache

from catalog.normalise import fold


def words(spec: str) -> list[str]:
    """The words of a "|"-parted list, which may run over several lines."""
    return [" ".join(word.split()) for word in spec.split("|") if word.strip()]


# Label word (folded) -> claim field. A label ends in ":" or stands alone on its line. English,
# German, French, Spanish, Italian, Portuguese, Dutch, Swedish, Polish, Czech and Slovak first,
# then the Cyrillic labels of Russian pages.
LATIN_LABELS = {
    "director": """directed by|director|directors|direction|regie|regisseur|regisseurin|
        realise par|realisation|realisateur|realisatrice|mise en scene|direccion|director|
        dirigida por|dirigido por|directora|regia|regista|diretto da|direcao|realizacao|
        directors name|director s name|directed|dir|un film de|diretor|realizador|
        regia di|rezyseria|rezyser|rezie|rezisér|rezisér|regi|regissor|filmmaker|
        directores|direccion de|regiseur|rez|directeur|directeurs|rezia""",
    "writer": """written by|writer|writers|screenplay|screenplay by|screenwriter|story|
        drehbuch|drehbuch autor|drehbuchautor|buch|autor|autoren|scenario|scenariste|
        scenaristes|guion|guionista|
        guionistas|sceneggiatura|sceneggiatori|scritto da|roteiro|argumento e guion|
        writers name|writer s name|screenwriters|script|story by|based on|vorlage|
        nach einer vorlage von|romanvorlage|d apres|adaptation|scenariusz|scenarzysta|
        scenar|scenár|manus|draaiboek|scenarist|roteirista|guion de|written|writing credits|
        writing|soggetto|soggetto e sceneggiatura""",
    "cast": """starring|cast|stars|top cast|main cast|full cast|actors|cast overview|with|
        darsteller|besetzung|hauptdarsteller|mit|schauspieler|avec|distribution|acteurs|
        interpretes|reparto|protagonistas|elenco|interpreti|cast principale|con|attori|
        top billed cast|billed cast|cast crew|cast and crew|cast details|starring cast|
        actors and actresses|estrelas|elenco principal|casting|featuring|principal cast|
        the cast|leading cast|obsada|wystepuja|aktorzy|hraji|herci|hrají|obsazeni|rolverdeling|
        dale hraji|hraju|dalej hraju|obsadenie|
        met|spelers|acteurs en actrices|i rollerna|medverkande|skadespelare|interpretacao|
        elenco de|avec la voix de|voices|voice cast|mitwirkende|in den hauptrollen|
        cast and characters|cast list|cast members|personajes y actores|rollen und darsteller|
        etoiles|sterren|estrellas""",
    "runtime": """running time|runtime|run time|length|duration|laufzeit|lange|dauer|
        spieldauer|spielzeit|duree|duracion|durata|duracao|czas trwania|czas projekcji|
        delka|dlzka|stopaz|speelduur|duur|lengte|speltid|langd|running length|minutes|tempo""",
    "year": """year|released|release|release date|release year|year of release|
        production year|erscheinungsjahr|produktionsjahr|jahr|kinostart|starttermin|annee|sortie|
        date de sortie|annee de production|annee de la production|ano|estreno|
        fecha de estreno|anno|uscita|
        data di uscita|uscita originale|release dates|original release|premiere|ano de lancamento|
        lancado|vrijgegeven|lanzamiento|
        erstauffuhrung|produktionsjahr|jahr der produktion|in theaters|in theatres|
        theatrical release|year of production|rok|rok produkcji|premiera|rok vyroby|
        premiera v cr|jaar|productiejaar|premiere datum|premiar|data de lancamento|
        ano de producao|ano de produccion|annee de sortie|date of release|first released""",
    "certificate": """rated|rating|certificate|certification|mpaa|mpaa rating|parental rating|
        fsk|altersfreigabe|freigabe|zertifikation|classification|interdiction|clasificacion|calificacion|
        edad|divieto|visto censura|classificacao|classificacao indicativa|age rating|
        ograniczenie wieku|kategoria wiekowa|vekova skupina|pristupnost|kijkwijzer|leeftijd|
        aldersgrans|censura|age|bbfc|motion picture rating|film rating|content rating|
        restriction|age restriction""",
    "genre": """genre|genres|genero|generos|genere|generi|category|kategorie|gattung|genero|
        gatunek|zanr|zanry|zaner|tagy|tags|tagi|soort|categorie|categoria|type of film""",
    "title": """title|original title|originaltitel|titel|titre|titre original|titulo|
        titulo original|titolo|titolo originale|original titel|titre vo|originaltitel|
        original film title|film title|tytuł|tytuł oryginalny|nazev|puvodni nazev|
        originele titel|originaltitel|titulo original|aka|also known as|alternative title|
        english title|international title|deutscher titel|titre francais|new film|film|movie|
        new release|now showing|film title|titre du film|titolo in lingua originale|
        titulo en idioma original|titulo en version original|titre en langue originale|
        titre en version originale|title in original language|titel in originalsprache|
        titulo no idioma original|titulo na lingua original|titulo portugues|titulo em portugues|
        nome do filme|titulo brasileiro|titulo no brasil|tytul polski|polski tytul|cesky nazev|
        svensk titel|nederlandse titel|titolo italiano""",
    "tagline": "tagline|taglines|tag line|tag lines|slogan|accroche|lema|frase di lancio",
    "synopsis": """plot|synopsis|storyline|plot summary|summary|story|handlung|inhalt|
        synopse|resume|sinopsis|argumento|trama|la trama|storia|resumen|sinossi|sinopse|
        about the film|about this film|plot outline|inhaltsangabe|film description|
        description|opis|opis filmu|obsah|popis|inhoud|verhaal|handling|premise|logline|
        storyanriss|worum geht s|darum geht s|kurzinhalt|pitch|beschreibung|descripcion|
        descrizione|descricao|historia""",
    "user_rating": """user rating|users|imdb rating|audience score|average rating|
        average user rating|nutzerwertung|nutzer|note des spectateurs|spectateurs|
        valoracion de los usuarios|usuarios|media voto|voto medio|utenti|nota media|
        valoracion media|puntuacion media|note moyenne|note spectateurs|durchschnitt|
        ocena uzytkownikow|hodnoceni divaku|gebruikers|imdb|imdb score|tmdb rating""",
    "verdict": """verdict|our verdict|critique|bottom line|fazit|unser fazit|notre avis|
        giudizio|veredicto|conclusion|in short|the verdict|final verdict|twitter capsule|
        capsule|in a nutshell|summary judgement|oordeel|werdykt|verdikt|quick review|
        short review|review in brief|kurzkritik|kurzfazit|em resumo|en bref|empfehlung|
        unsere empfehlung|our recommendation|recommendation|notre recommandation|
        nuestra recomendacion|recomendacion|il nostro consiglio|a nossa recomendacao""",
    "score": """final grade|puntuacion|puntaje|our score|score|bewertung|wertung|note|voto|
        valoracion|calificacion final|nota|grade|our rating|my rating|rating|my score|
        star rating|stars rating|our grade|my grade|ocena|hodnoceni|beoordeling|betyg|
        notre note|ma note|unsere wertung|meine wertung|mi nota|il mio voto|la nostra|
        avaliacao|cotacao|minha nota""",
    "votes": "votes|ratings count|stimmen|votos|voti|avis|glosow|hlasu|stemmen|number of votes",
    "setting": "setting|set in|location|schauplatz|handlungsort|lieu|ambientazione",
    "period": "period|time period|epoche|epoque|epoca|time setting",
    "language": """language|languages|original language|sprache|originalsprache|langue|
        idioma|lingua|lingua originale|jezyk|jazyk|taal|sprak|lingua original|
        spoken language|original version""",
    "country": """country|countries|country of origin|land|produktionsland|herkunftsland|
        pays|pais|paese|nazione|paese di produzione|pais de origen|nacionalidad|
        production country|country of production|kraj|kraj produkcji|produkcja|zeme|
        zeme puvodu|productieland|origin|origine|nationalite|pais de producao""",
}
CYRILLIC_LABELS = {
    "director": "режиссер|режиссеры|режиссура|постановка|режиссер постановщик",
    "writer": "сценарий|сценарист|сценаристы|автор сценария|по роману|по мотивам",
    "cast": "в ролях|актеры|в главных ролях|актерский состав|роли исполняют|звезды|актеры и роли",
    "runtime": "продолжительность|длительность|время|хронометраж",
    "year": "год|год выпуска|год производства|премьера|премьера в мире|дата выхода|выпуск",
    "certificate": "возраст|возрастное ограничение|возрастной рейтинг|рейтинг mpaa|ограничение",
    "genre": "жанр|жанры",
    "title": "название|оригинальное название|оригинальное наименование",
    "synopsis": "описание|сюжет|аннотация|содержание",
    "user_rating": "рейтинг|рейтинг кинопоиска|рейтинг imdb|оценка зрителей",
    "score": "оценка|моя оценка|наша оценка",
    "votes": "голосов|голоса",
    "language": "язык|языки",
    "country": "страна|страны|производство",
}
LABELS: dict[str, str] = {}
for spec_table in (LATIN_LABELS, CYRILLIC_LABELS):
    for claim_field, spec in spec_table.items():
        for word in words(spec):
            LABELS.setdefault(fold(word), claim_field)

# Labels of the crew and the business, which name no claim but stand over their own values.
OTHER_LABELS = {
    fold(word)
    for word in words(
        """music|music by|musik|komponist|composer|musique|musica|kamera|kameramann|camera|
        cinematography|director of photography|produzent|producer|producers|produced by|
        produktion|production|producteur|productor|produttore|budget|einnahmen|box office|
        website|schnitt|editor|edited by|montage|montaje|costumes|kostüme|casting|
        viewed in|viewed on|date watched|watched on|seen at|seen on|format"""
    )
}

# Headings that open a section of the named kind (alone on their line).
SECTION_HEADINGS = {
    word: claim_field
    for word, claim_field in LABELS.items()
    if claim_field in ("synopsis", "cast") and len(word) > 3 and word not in ("with", "story")
} | {"story": "synopsis", "cast crew": "cast", "cast details": "cast"}


@lru_cache(maxsize=4096)
def field_of(label: str) -> str:
    """The claim field a label names: "Director" and "Regia"; "Genre/Sub/Mix" as "Genre";
    "Average User Rating" as "User rating", "Durée du film" as "Durée"; "" for labels of
    other things ("Music by")."""
    label = re.sub(r"\s*\([^()]*\)\s*$", "", label)
    key = fold(label)
    if key in LABELS:
        return LABELS[key]
    if "/" in label and (first := fold(label.split("/")[0])) in LABELS:
        return LABELS[first]
    words = key.split()
    # "MTRCB Rating", "BBFC Certificate": a board's acronym before the label's word.
    acronym = bool(re.fullmatch(r"[A-Z]{2,6}\s+\S+", label.strip()))
    for count in range(len(words) - 1, 0, -1):
        suffix = " ".join(words[-count:])
        # "Average User Rating" is a user rating; "Review this title" is no title.
        qualified = count > 1 or set(words[:-count]) <= QUALIFIERS or acronym
        if suffix in LABELS and len(suffix) > 3 and qualified:
            return LABELS[suffix]
    # "My ratings", "Subjective Rating", "FuzzyCo grade": the critic's own mark, or the site's.
    marked = 1 < len(words) <= 3 and words[-1] in MARK_WORDS and not AUDIENCE_WORDS & set(words)
    if marked and (words[0] in CRITIC_QUALIFIERS or (words[-1] == "grade" and len(words) == 2)):
        return "score"
    # "Nota Papo de Cinema", "Note de la rédaction": a critic's score, the site's name after.
    if 1 < len(words) <= 5 and LABELS.get(words[0]) == "score" and words[0] != "rating":
        return "score"
    # Where the language puts the noun first: "Durée du film", "Acteurs principaux",
    # "рейтинг события"; not "Director of Photography".
    if 1 < len(words) <= 3 and words[0] in LABELS and words[1] in AFTER_NOUN:
        return "" if key in CREW_LABELS else LABELS[words[0]]
    return ""


MARK_WORDS = {"rating", "ratings", "grade", "score"}
CRITIC_QUALIFIERS = {"my", "our", "subjective", "overall", "personal", "final", "critic", "critics"}
AUDIENCE_WORDS = {"user", "users", "audience", "viewers", "readers", "average", "cinemascore"}


# Crew labels that begin with a claim's word.
CREW_LABELS = {"director of photography", "directeur de la photographie", "director de fotografia"}
CREW_LABELS |= {"direttore della fotografia", "director of photography dop", "director of music"}


AFTER_NOUN = {"de", "du", "des", "del", "della", "di", "da", "do", "of", "van", "фильма"}
AFTER_NOUN |= {"события", "картины", "filmu", "filmo", "principal", "principaux", "principales"}
AFTER_NOUN |= {"principali", "principais", "principale", "originale", "original", "originales"}


QUALIFIERS = {
    "average",
    "original",
    "full",
    "main",
    "top",
    "official",
    "total",
    "film",
    "movie",
    "usa",
    "us",
    "uk",
    "imdb",
    "the",
}
