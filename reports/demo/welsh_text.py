"""The Welsh of the demo's Victims' Code report (17 September 2025), which the demo
publishes in Welsh and English: its title, its sections, its reason bullets, the panel's
public description, the meeting's theme, public notes and actions, the support services it
lists and the force's own figure, each beside the English in reports/demo/text.py,
reports/demo/loader.py and panels/demo/data.py.

The figures and the names of Acts, orders and organisations are the English report's,
said as Welsh public bodies say them.
"""

from ..enums import SectionKey

_WHY_BULLETS = (
    "- Arfer da\n"
    "- Unrhyw fylchau yn y gwasanaeth\n"
    "- Gwersi y gallem eu dysgu\n"
    "- Ble y gallwn ddylanwadu ar newidiadau cadarnhaol mewn polisi ac arferion gwaith\n"
    "- Cyfleoedd i ymgysylltu'n well ar draws y system cyfiawnder troseddol\n"
    "- Y galw ar wasanaethau a sut mae gwasanaethau'n perfformio\n"
    "- Sut mae arian cyhoeddus yn cael ei wario\n"
    "- Ble y gellir rhoi adborth."
)

_USING_FINDINGS = (
    "Mae'r panel yn adrodd ei ganfyddiadau i'r asiantaethau a gyfrannodd at y panel ac i'r "
    "rheini sydd â chyfrifoldebau statudol fel y nodir yn y Cod Dioddefwyr. Mae Bwrdd "
    "Cyfiawnder Troseddol Lleol Demoshire yn adolygu'r canfyddiadau ac yn cytuno ar themâu "
    "ar gyfer paneli yn y dyfodol.\n\n"
    "Gellir codi canfyddiadau'r panel gyda swyddogion, staff ac adrannau perthnasol unigol "
    "ar draws y bartneriaeth Cyfiawnder Troseddol, a gall yr asiantaethau hefyd rannu'r hyn "
    "a ddysgwyd gan y panel ledled eu sefydliadau."
)

# section key → (heading, body): the Victims' Code panel's standing text in Welsh.
STANDING = {
    SectionKey.INTRODUCTION: (
        "Canfyddiadau craffu",
        "Mae'r Cod Dioddefwyr newydd, a ddaeth i rym ym mis Ebrill 2021, yn siarter hawliau "
        "sy'n pennu'r lefel isaf o wasanaeth y gall dioddefwyr ei disgwyl ar bob cam o'r "
        "broses gyfiawnder. Mae'r Cod, sydd wedi'i ymgorffori mewn 12 hawl, yn nodi'r "
        "gwasanaethau y mae'n rhaid i sefydliadau eu darparu i ddioddefwyr troseddau.",
    ),
    SectionKey.WHY: (
        "Pam mae'r Bwrdd Cyfiawnder Troseddol Lleol yn craffu ar hawliau dioddefwyr",
        "Cyfrifoldeb cyfreithiol y Comisiynydd Heddlu a Throseddu yw dwyn y Prif Gwnstabl i "
        "gyfrif, ar ran trigolion Demoshire, am ddarparu heddlu sy'n gweithio'n dda ac sy'n "
        "diwallu anghenion ei gymunedau. I wneud hyn, mae'r Bwrdd Cyfiawnder Troseddol Lleol "
        "yn 'craffu' ar faterion a gweithgareddau penodol, gan gynnwys cydymffurfiaeth â'r "
        "Cod Dioddefwyr. Diben craffu ar y Cod Dioddefwyr yw adolygu achosion ac arferion "
        "gwaith, er mwyn cydnabod a hyrwyddo arfer da, nodi meysydd i'w datblygu a chefnogi'r "
        "heddlu fel sefydliad i ddysgu a gwella.\n\n"
        "Drwy roi'r wybodaeth hon i'r cyhoedd yn agored fel rhan o lywodraethu da, gall pobl "
        "ffurfio eu barn wybodus eu hunain ynghylch a oes ganddynt hyder yn y system "
        "cyfiawnder troseddol ai peidio.\n\n"
        "Mae'n bwysig bod y bartneriaeth Cyfiawnder Troseddol yn parhau i ganolbwyntio ar "
        "anghenion dioddefwyr, a thrwy adolygu achosion gallwn nodi:\n\n"
        f"{_WHY_BULLETS}",
    ),
    SectionKey.HOW: (
        "Sut mae'r Bwrdd Cyfiawnder Troseddol Lleol yn craffu ar hawliau dioddefwyr a "
        "chydymffurfiaeth â'r Cod Dioddefwyr",
        "Mae gan y Bwrdd Cyfiawnder Troseddol Lleol banel craffu sy'n cynnwys cynrychiolwyr "
        "o'r asiantaethau cyfiawnder troseddol. Mae'r panel yn cymryd 'sampl ar hap' o "
        "achosion troseddol sydd wedi'u cwblhau drwy'r system cyfiawnder troseddol. Mae'r "
        "panel yn craffu ar 6 - 8 achos ym mhob cyfarfod, a chaiff unrhyw wybodaeth bersonol "
        "am unigolion ei dileu.\n\n"
        "Mae'r panel yn adolygu'r achosion ym mhob un o'i gyfarfodydd gan ddefnyddio data "
        "dienw a gafwyd gan bob asiantaeth, sy'n dangos hynt achos hyd at ei ddiwedd. Yna "
        "gall nodi'r gwasanaethau a gynigiwyd i'r dioddefwr a thrafod 12 hawl y dioddefwr, "
        "er mwyn ystyried a gafodd yr hawliau eu bodloni ac a gafodd y dioddefwr wasanaeth "
        "da yn yr achos.",
    ),
    SectionKey.USING_FINDINGS: (
        "Defnyddio canfyddiadau'r panel i wneud gwahaniaeth",
        _USING_FINDINGS,
    ),
    SectionKey.SUPPORT_SERVICES: ("Cymorth i ddioddefwyr a thystion", ""),
}

THEME_BACKGROUND = (
    "Stelcio ac aflonyddu",
    "Stelcio ac aflonyddu yw pan fydd rhywun yn ymddwyn dro ar ôl tro mewn ffordd sy'n "
    "gwneud i chi deimlo ofn, gofid neu dan fygythiad. Os yw'r ymddygiad digroeso hwn yn "
    "digwydd ddwywaith neu fwy, gall fod yn drosedd. Mae stelcio ac aflonyddu ill dau yn "
    "droseddau o dan [Ddeddf Diogelu rhag Aflonyddu 1997]"
    "(https://www.legislation.gov.uk/ukpga/1997/40).\n\n"
    "## Stelcio\n\n"
    "Patrwm o ymddygiad sefydlog ac obsesiynol yw stelcio, sy'n cael ei ailadrodd, sy'n "
    "barhaus ac yn ymwthiol, ac sy'n peri i'r dioddefwr ofni trais neu'n achosi braw a "
    "gofid iddo.\n\n"
    "Gall stelcio gynnwys:\n\n"
    "- dilyn rhywun\n"
    "- anfon anrhegion digroeso\n"
    "- cysylltu â rhywun yn ddigroeso\n"
    "- difrodi eiddo\n"
    "- mynd i gartref rhywun heb wahoddiad\n"
    "- loetran mewn man lle mae'n hysbys bod y person yn mynd iddo'n aml\n"
    "- gwylio rhywun neu ysbïo arno\n"
    "- dwyn hunaniaeth (cofrestru ar gyfer gwasanaethau, prynu pethau yn enw rhywun)\n\n"
    "Mae stelcio'n aml yn cael effaith emosiynol enfawr ar y rheini y mae'n effeithio "
    "arnynt. Gall arwain at iselder, gorbryder a hyd yn oed anhwylder straen wedi trawma. "
    "Gall fod yn drosedd seicolegol yn ogystal ag yn drosedd gorfforol.\n\n"
    "## Aflonyddu\n\n"
    "Ymddygiad sy'n gysylltiedig â mater penodol yw aflonyddu, a gall gynnwys:\n\n"
    "- anfon negeseuon testun neu ddelweddau sarhaus\n"
    "- postio negeseuon sarhaus ar y cyfryngau cymdeithasol\n"
    "- anghydfodau rhwng cymdogion sy'n cynnwys ymddygiad sarhaus neu ddifrod i eiddo\n"
    "- ymddygiad gwrthgymdeithasol dro ar ôl tro\n"
    "- gwneud galwadau ffôn digroeso neu sarhaus\n\n"
    "Mae'n aflonyddu os yw ymddygiad digroeso wedi digwydd ddwywaith neu fwy ac wedi gwneud "
    "i chi deimlo gofid neu dan fygythiad.\n\n"
    "## Ystadegau\n\n"
    "Yn y flwyddyn a ddaeth i ben ym mis Mawrth 2025, amcangyfrifir bod 1.5 miliwn o bobl "
    "wedi profi stelcio a bod 4.2 miliwn wedi profi aflonyddu yng Nghymru a Lloegr, yn ôl "
    "Arolwg Troseddu Cymru a Lloegr a data a gofnodwyd gan yr heddlu. Gall fod bwlch "
    "sylweddol rhwng nifer y bobl sy'n profi stelcio ac aflonyddu a nifer y troseddau a "
    "gofnodir gan yr heddlu.\n\n"
    "- 678,746 o droseddau stelcio ac aflonyddu wedi'u cofnodi gan yr heddlu yn y flwyddyn "
    "a ddaeth i ben ym mis Medi 2023\n"
    "- 129,076 o droseddau stelcio wedi'u cofnodi gan yr heddlu yn y flwyddyn a ddaeth i ben "
    "ym mis Mawrth 2024\n"
    "- Mae 1 o bob 7 o bobl 16 oed a throsodd wedi dioddef stelcio\n"
    "- Mae 1 o bob 5 menyw a thua 1 o bob 11 dyn wedi dioddef stelcio\n"
    "- Mae 1 o bob 10 o bobl 16 oed a throsodd wedi profi aflonyddu\n"
    "- Mae 13% o fenywod a 7% o ddynion wedi profi rhyw fath o aflonyddu.\n\n"
    "Ers eu cyflwyno yn 2019, mae Gorchmynion Diogelu rhag Stelcio wedi cael eu defnyddio "
    "er mwyn i'r heddlu allu ymyrryd yn gynnar. Rhwng mis Chwefror 2021 a mis Rhagfyr 2021, "
    "gwnaed 434 o geisiadau am Orchmynion a chyhoeddwyd 232, yn ôl [y data diweddaraf gan "
    "Wasanaeth Llysoedd a Thribiwnlysoedd Ei Fawrhydi](https://www.gov.uk/government/"
    "organisations/hm-courts-and-tribunals-service).\n\n"
    "- [Swyddfa Ystadegau Gwladol - Stelcio](https://www.ons.gov.uk/"
    "peoplepopulationandcommunity/crimeandjustice)\n"
    "- [Swyddfa Ystadegau Gwladol - Aflonyddu](https://www.ons.gov.uk/"
    "peoplepopulationandcommunity/crimeandjustice)",
)

FURTHER_INFORMATION = (
    "Rhagor o wybodaeth",
    "## Effaith stelcio ac aflonyddu\n\n"
    "Gall sylw digroeso, dro ar ôl tro, gael effaith ddifrifol ar iechyd corfforol neu "
    "feddyliol dioddefwyr, yn ogystal ag ar eu bywyd o ddydd i ddydd. Mae rhai pobl sydd wedi "
    "cael eu stelcian neu sydd wedi dioddef aflonyddu wedi gorfod newid eu bywydau bob dydd; "
    "mae rhai wedi newid swydd neu wedi symud tŷ.\n\n"
    "Mae'n bwysig bod dioddefwyr yn cael y cymorth sydd ei angen arnynt.\n\n"
    "## Gwasanaethau cymorth ar gyfer stelcio ac aflonyddu",
)

# The passages of this meeting's report, and the service's own closing section.
REPORT_SECTIONS = {
    SectionKey.FURTHER_INFORMATION: FURTHER_INFORMATION,
    SectionKey.USING_FINDINGS: (
        STANDING[SectionKey.USING_FINDINGS][0],
        "Tynnodd y panel sylw at yr heriau wrth ymdrin â dioddefwyr sydd o dan 18 oed, gan "
        "sicrhau eu bod yn cael eu hawliau o dan y Cod Dioddefwyr a bod eu lleisiau'n cael eu "
        "clywed. Trafododd y panel pa asiantaeth sydd yn y sefyllfa orau i ymgysylltu â'r "
        "dioddefwyr, ac ar ba bwynt yn y broses. Gofynnodd y panel a ellid ymgymryd â darn "
        "pwrpasol o waith er mwyn osgoi dyblygu gwasanaethau a lleihau unrhyw "
        "aildrawmateiddio i'r dioddefwr.\n\n" + _USING_FINDINGS,
    ),
    SectionKey.OTHER_FORMATS: (
        "Os oes arnoch angen yr wybodaeth hon mewn fformat arall",
        "Os oes arnoch angen yr adroddiad hwn mewn iaith neu fformat gwahanol, fel print bras "
        "neu fersiwn hawdd ei ddeall, cysylltwch â Swyddfa'r Comisiynydd Heddlu a Throseddu.",
    ),
}

# section key → (heading, body): every section of the published report, in Welsh.
SECTIONS = {
    **STANDING,
    SectionKey.THEME_BACKGROUND: THEME_BACKGROUND,
    **REPORT_SECTIONS,
}

PUBLIC_DESCRIPTION = (
    "Mae'r panel yn cymryd sampl ar hap o achosion sydd wedi'u cwblhau, ac yn gofyn a gafodd "
    "y dioddefwr bob un o'i 12 hawl o dan y Cod Dioddefwyr."
)

# In the order of panels/demo/data.py's VCOP_SEPTEMBER_OBSERVATIONS.
OBSERVATIONS = [
    "Nododd y panel fod gan yr heddlu hyrwyddwyr stelcio sy'n rhoi arweiniad ac arfer gorau "
    "i swyddogion a staff ar sut i adnabod achosion o stelcio ac ymateb iddynt.",
    "Cafodd y panel wybodaeth am glinig stelcio'r heddlu, a gyflwynwyd ym mis Gorffennaf 2025 "
    "i helpu'r heddlu i ymateb i achosion o stelcio drwy roi cymorth ymchwilio arbenigol i "
    "swyddogion, adolygu achosion cymhleth a risg uchel, a hwyluso mynediad dioddefwyr at "
    "wasanaethau cymorth.",
    "Nododd y panel nad yw'r cofnod o ba un a roddwyd taflen 'dioddefwyr troseddau' i "
    "ddioddefwyr bob amser yn cael ei ddiweddaru ar system gofnodion yr heddlu, ac felly ni "
    "allai'r panel fod yn sicr bod holl hawliau'r dioddefwyr o dan y Cod Ymarfer wedi'u "
    "bodloni'n llawn.",
    "Gofynnodd y panel am ddarn o waith ar ba asiantaeth sydd yn y sefyllfa orau i ymgysylltu "
    "â dioddefwyr o dan 18 oed, er mwyn osgoi dyblygu gwaith ac aildrawmateiddio dioddefwyr.",
]

# In the order of panels/demo/data.py's VCOP_SEPTEMBER_ACTIONS.
ACTIONS = [
    "Atgoffa swyddogion i gofnodi pryd y rhoddir taflen wybodaeth y dioddefwyr.",
    "Cwmpasu gwaith ar draws asiantaethau ar ymgysylltu â dioddefwyr o dan 18 oed.",
]
# Who owns each of those actions, in the same order.
ACTION_OWNERS = [
    "Uned Gofal Dioddefwyr yr Heddlu",
    "Bwrdd Cyfiawnder Troseddol Lleol",
]

# The report's title, as the office would write it in Welsh.
TITLE = "Panel Craffu'r Cod Dioddefwyr: canfyddiadau'r cyfarfod ar 17 Medi 2025"

# The Welsh of the Victims' Code report's reason bullets, by their English in
# reports/demo/loader.py's MERGES (a bullet that follows "In three cases" starts small).
BULLETS = {
    "Information about the trial process was fully explained and victims notified about "
    "key decisions throughout the criminal justice process.": (
        "Cafodd gwybodaeth am broses y treial ei hegluro'n llawn a rhoddwyd gwybod i "
        "ddioddefwyr am benderfyniadau allweddol drwy gydol y broses cyfiawnder troseddol."
    ),
    "Special measures were explained and considered, with the option of pretrial visits.": (
        "Cafodd mesurau arbennig eu hegluro a'u hystyried, gyda'r opsiwn o ymweliadau cyn y treial."
    ),
    "Referrals to support services were made promptly, regularly reviewed and refreshed to "
    "provide tailored and timely support.": (
        "Gwnaed atgyfeiriadau at wasanaethau cymorth yn brydlon, ac fe'u hadolygwyd a'u "
        "hadnewyddu'n rheolaidd er mwyn rhoi cymorth pwrpasol ac amserol."
    ),
    "the panel could not be assured that the victim received all updates after key "
    "decisions had been made.": (
        "ni allai'r panel fod yn sicr bod y dioddefwr wedi cael pob diweddariad ar ôl i "
        "benderfyniadau allweddol gael eu gwneud."
    ),
    "it could not be determined if a victim's booklet was provided, which would provide "
    "the victim with relevant information covering some of the Codes of Practice.": (
        "nid oedd modd penderfynu a roddwyd llyfryn i'r dioddefwr, a fyddai'n rhoi "
        "gwybodaeth berthnasol iddo am rai o'r Codau Ymarfer."
    ),
}

# Each support service's Welsh, by its English name: (name, what it offers, link's words).
SUPPORT_SERVICES = {
    "The National Stalking Helpline": (
        "Y Llinell Gymorth Stelcio Genedlaethol",
        "Mae'r [Llinell Gymorth Stelcio Genedlaethol](https://www.suzylamplugh.org/pages/"
        "national-stalking-helpline) yn rhoi cyngor a chymorth cyfrinachol am ddim.",
        "llenwi ffurflen gysylltu",
    ),
    "Criminal Justice and You": (
        "Cyfiawnder Troseddol a Chi",
        "Mae [Cyfiawnder Troseddol a Chi](https://www.cjsyou.co.uk/) yn adnodd newydd sy'n "
        "ceisio trawsnewid profiad dioddefwyr a thystion yn y system cyfiawnder troseddol. "
        "Mae'n adnodd amlgyfrwng a ddatblygwyd gan ddioddefwyr ar gyfer dioddefwyr, sy'n dod "
        "â phob agwedd ar y system cyfiawnder troseddol ynghyd mewn un lle, gan helpu i "
        "egluro pob cam o'r broses.",
        "",
    ),
    "Victim Care Demoshire": (
        "Gofal Dioddefwyr Demoshire",
        "Mae gwybodaeth i ddioddefwyr a'r gwasanaethau cymorth sydd ar gael yn lleol ar "
        "wefan y Comisiynydd Heddlu a Throseddu.",
        "mynd i Ofal Dioddefwyr Demoshire",
    ),
}

# The force's own figure's Welsh, by what was counted in English: (what, source).
FORCE_FIGURES = {
    "Community resolutions issued": (
        "Datrysiadau cymunedol a roddwyd",
        "Tudalen yr heddlu ar graffu ar ddatrysiadau y tu allan i'r llys (cyfran o'r holl "
        "ganlyniadau)",
    ),
}
