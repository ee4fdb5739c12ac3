"""The words that name a genre or judge a film, in the languages film pages are written in."""

import re

from catalog.extraction.vocabulary import words
from catalog.normalise import fold

GENRES = {
    fold(word)
    for word in words(
        """
        drama|comedy|thriller|musical|political|horror|action|adventure|romance|crime|war|
        western|documentary|animation|animated|fantasy|science fiction|sci-fi|mystery|family|
        biography|biopic|history|historical|music|sport|sports|film noir|noir|satire|
        period romance|period drama|romantic comedy|romantic drama|screwball comedy|
        black comedy|dark comedy|comedy drama|
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
        fantastico|dramma|drame psychologique|tv movie|tv film|made-for-tv|fernsehfilm|
        telefilm|literaturverfilmung|tragicomedy|dramedy|rom-com|romcom|neo-noir|noir|
        mockumentary|docudrama|anthology|sci-fi thriller|science-fiction-noir|space opera|
        kung fu|wuxia|anime|sword and sandal|
        peplum|swashbuckler|body horror|found footage|psychological horror|supernatural|
        gothic|historical drama|costume drama|sports drama|biographical|political drama|
        action-adventure|action adventure|crime thriller|erotic thriller|legal thriller|
        techno-thriller|dystopian|post-apocalyptic|satirical|satira|sátira|satirique|parody|spoof|farce|
        slapstick|screwball|whodunit|espionage|fable|fairy tale|fairytale|parable|märchen|
        conte|fábula|favola|
        actie|avontuur|misdaad|oorlog|komedie|romantiek|spanning|familiefilm|tekenfilm|
        dramat|komedia|kryminal|kryminał|sensacyjny|przygodowy|dokumentalny|animowany|
        wojenny|obyczajowy|romans|biograficzny|historyczny|familijny|psychologiczny|
        komedie|horor|dobrodruzny|dokumentarni|animovany|valecny|romanticky|zivotopisny|
        historicky|rodinny|kriminalni|comedia dramatica|comédia dramática|acao|ação|
        documentario|documentário|animacao|animação|ficcao cientifica|ficção científica|
        policial|biografia|drama|suspense|terror|aventura|romance|musical|guerra|
        драма|комедия|триллер|мелодрама|боевик|ужасы|фантастика|детектив|приключения|
        документальный|мультфильм|военный|криминал|биография|история|мюзикл|вестерн|
        семейный|фэнтези|мелодрамы|драмы|комедии|biografie|biographie|biographical|biopic|
        komödie|tragikomödie|kriminalfilm|thriller|liebesdrama|familiendrama|sportfilm|
        dramatique|dramática|dramático|drammatica|kammerspiel|krimidrama|psychothriller|
        gesellschaftsdrama|sozialdrama|dramat psychologiczny|dramat obyczajowy|komedia romantyczna|
        romantická komedie|psychologické drama|romantisk komedi|komedi|psykologisk thriller
        """
    )
}

# Languages as a strip of facts names them ("1981 English Stereo"), and the sound or picture
# words such a strip adds.
LANGUAGE_NAMES = {
    fold(word)
    for word in words(
        """english|french|german|spanish|italian|japanese|chinese|mandarin|cantonese|korean|
        russian|portuguese|hindi|swedish|danish|norwegian|dutch|polish|czech|persian|arabic|
        turkish|greek|hebrew|englisch|französisch|deutsch|spanisch|italienisch|anglais|
        français|allemand|espagnol|italien|inglés|francés|alemán|español|italiano|inglese|
        francese|tedesco|spagnolo"""
    )
}
FORMAT_WORDS = {"stereo", "mono", "color", "colour", "b&w", "hd", "cc", "dolby", "widescreen"}
FORMAT_WORDS |= {"subtitled", "surround", "hdtv", "sd"}

# Sentences that judge the film: their words, and how much each says about the verdict.
POSITIVE = set(
    fold(word)
    for word in words(
        """
        captivating|masterful|masterfully|masterpiece|brilliant|brilliantly|superb|eloquent|
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
        meisterhaft|herausragend|wunderbar|beeindruckend|great|entertaining|satisfying|
        exciting|classic|fun|humorous|amusing|nifty|perfect|perfectly|unique|well-acted|hypnotic|beautifully|impressed|unmatched|sharp|
        masterpiece|masterful|opus|charming|terrific|fine|solid|sturdy|engaging|witty|clever|
        smart|fresh|touching|heartfelt|inspiring|stylish|gorgeous|breathtaking|deft|assured|
        prachtig|prächtig|gelungen|sehenswert|stark|starke|klug|berührend|amüsant|witzig|
        kurzweilig|bravourös|excellente|reussi|efficace|touchant|beau|belle|intelligent|
        scherpe|scherp|leuke|leuk|sterk|prachtig|mooi|aanrader|genoten|soberbiamente|
        soberbio|emociona|brillantemente|conmovedora|lograda|logrado|bellissimo|riuscita|
        piacevole|ottimo|ottima|coinvolgente|delicato|superbly|wonderfully|brilliance|
        triumphant|enthralling|mesmerizing|haunting|moving|likable|lovable|endearing|
        good|best|strong|pleasure|enjoy|enjoyed|liked|loved|love|recommend|worthwhile|genius|
        revelation|dynamic|memorable|nostalgia|favorite|favourite|surprisingly|gripping|
        reussite|réussite|reussi|touchante|touchant|meilleure|meilleur|bijou|pepite|
        gelungen|überzeugend|überzeugender|stark|sehenswerter|hübsch|schön|schöne|toll|tolle|
        toller|tollen|sublime|maitrise|maitrisee|epoustouflant|remarquable|reussie|genial|
        acertada|acertado|sobresaliente|magnifico|bellissima|fantastico|fantastica|fantastic|
        fantastisch|uberragend|herrlich|lumineux|puissant|saisissant|conmovedor|impecable|
        impecables|notevole|intenso|intensa|potente|sorprendente|brilhante|brilhantemente|
        wertvoll|außergewöhnlich|ambitious|underrated|literate|excelente|ótimo|
        envolvente|imperdível|recomendado|recomendável|stilvoll|stilvolles|
        atmosphärisch|atmosphärisches|melhores|świeży|świetny|znakomity|znakomita|wspaniały|
        doskonały|udany|udana|poruszający|poruszająca|sincere|mejor|mejores|competente|competent|melhor|
        sevärd|sevärt|berörande|gripande|lysande|underbar|spännande|välgjord|välgjorda|utmärkt|
        briljant|mästerverk|njutbar|charmig|träffsäker|överraskande|imponerande|
        overtuigend|indrukwekkend|geweldig|knap|ontroerend|meeslepend|
        výborný|výborně|skvělý|skvělá|vynikající|povedený|povedená|působivý|
        gradevole|aceitável|aceitavel|interessante|divertido|emocionante|gostei
        """
    )
)
NEGATIVE = set(
    fold(word)
    for word in words(
        """
        ludicrous|meandering|wanly|flat|dull|boring|tedious|fails|failed|failure|
        disappointing|disappointment|disappointed|underwhelmed|mess|messy|clumsy|silly|tiresome|
        lifeless|bland|brutto|brutta|bruttissimo|
        forgettable|worst|awful|terrible|weak|lame|pointless|pretentious|overlong|schlock|
        schlocky|panders|opportunistically|jaded|unpolished|caterwaulin|uninspired|
        predictable|cliched|clichéd|howler|misfire|dud|langweilig|misslungen|enttauschend|
        schwach|ennuyeux|decevant|aburrida|aburrido|decepcionante|fallida|noioso|
        deludente|mediocre|navet|ridicule|previsible|poussif|interminable|decevante|ennuyeuse|
        insipide|laborieux|floja|flojo|tediosa|tedioso|insufrible|ridicula|ridiculo|
        decepcion|desastre|prevedibile|banale|noiosa|fiacco|scontato|delusione|vorhersehbar|
        belanglos|argerlich|platt|poorly|bad|worse|mediocre|derivative|bogged|clunky|
        shallow|hollow|muddled|confusing|uneven|tedium|drivel|unwatchable|abysmal|dreck|
        schlecht|schlechte|niedrigstem|niedrigem|dunnen|dünnen|dünn|leidet|allzu|zäh|zähe|
        misslungen|enttäuschend|ärgerlich|trop|facile|lassant|longuet|purge|ennui|raté|rate|
        saai|slecht|zwak|mislukt|aburrimiento|pesado|pesada|fallido|noia|pesante|debole|
        hokey|cheesy|contrived|implausible|sappy|overwrought|overlong|bloated|sluggish|
        reinfall|flop|wirr|wirre|oberflächlich|oberflächliche|abstrus|abstrusen|langweilt|
        roupillon|sommeil|inutile|laid|ennuie|assommant|ridiculous|stupidest|dud|waste|
        perfunctory|phony|phoney|evitare|éviter|absurdo|absurdos|absurda|incoherente|
        incoherencias|torpe|aburre|decepciona|langatmig|enttauscht|superficiale|confuso|
        maladroit|bancal|rate|ratee|plano|previsibles|inverosimil|vacio|vacia|insulso|
        insulsa|sciatto|inconcludente|lourd|lourdeur|longueurs|ennuyeux|creux|vide|nudny|
        nudna|słaby|słaba|rozczarowujący|rozczarowanie|corny|
        dålig|dåligt|dåliga|tråkig|tråkigt|trist|trista|ointressant|ointressanta|förutsägbar|
        seg|sömnig|misslyckad|usel|
        onevenwichtig|onevenwichtige|overbodig|overbodige|bederft|matig|teleurstellend|
        voorspelbaar|langdradig|
        nudný|nudné|slabý|slabá|průměrný|průměrné|zklamání|
        pedante|stucchevole|didascalico|melenso|inverosimile|sprecata|sprecato|monocorde|
        fraco|fraca|aborrecido|previsível|previsivel|ridícula
        """
    )
)
MIXED = set(
    fold(word)
    for word in words(
        """
        mixed|uneven|flawed|albeit|patchy|gemischt|mitigé|mitige|irregular|flaws|
        allerdings|certes|though|however|although|mais|pero|aber|ma|maar|nonetheless|still|
        serviceable|inscrutable|reasonably|lagom|dock|men|tuttavia|porém|contudo|však|ale
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
