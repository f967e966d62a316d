"""The Welsh wording of the seeded record kinds (docs/adr/0017). Data only, keyed as
cases.kind_data seeds the rows: kind code; section by its English name; field by code;
a choice by its English label (the same words read the same in every kind), in
cases.kind_data.welsh_choices."""

KINDS_CY = {
    "oocr": {
        "name": "Datrysiad y tu allan i'r llys",
        "description": (
            "Trosedd a ddatryswyd y tu allan i'r llys gan yr heddlu: datrysiad cymunedol, "
            "rhybuddiad, cyhuddiad gohiriedig, Canlyniad 22 …"
        ),
        "date_label": "Dyddiad y canlyniad",
        "facts_label": "Ffeithiau adeg y penderfyniad",
        "sections": {
            "Offence": "Trosedd",
            "Outcome": "Canlyniad",
        },
        "fields": {
            "offence": ("Trosedd", ""),
            "crime_code": ("Cod trosedd", "Dosbarthiad troseddau'r Swyddfa Gartref."),
            "offence_category": ("Categori'r drosedd", ""),
            "is_domestic_abuse": ("Cam-drin domestig", ""),
            "is_hate_crime": ("Trosedd casineb", ""),
            "is_violence": ("Trais", ""),
            "is_sexual": ("Trosedd rywiol", ""),
            "offence_date": ("Dyddiad y drosedd", ""),
            "reported_date": ("Dyddiad yr adroddiad", ""),
            "outcome_type": ("Math o ganlyniad", ""),
            "offender_age_band": ("Band oedran y troseddwr", ""),
            "gravity_score": ("Sgôr difrifoldeb", "Sgôr y matrics difrifoldeb, 1 i 4."),
            "admission": ("Cyfaddefiad", ""),
            "victim_views": ("Barn y dioddefwr", ""),
            "authorising_rank": ("Rheng yr awdurdodwr", ""),
            "previous_offending": ("Troseddu blaenorol", ""),
            "conditions": ("Amodau", "Yr amodau neu'r camau gwneud iawn sydd ynghlwm."),
        },
    },
    "vcop": {
        "name": "Achos Cod Dioddefwyr",
        "description": (
            "Achos sydd wedi'i gwblhau, wedi'i ddarllen i weld y gwasanaeth a gafodd y "
            "dioddefwr o dan y Cod Ymarfer i Ddioddefwyr, gyda'r hyn a gofnododd yr heddlu, "
            "Gwasanaeth Erlyn y Goron, y llysoedd a gofal tystion, a'r gwasanaeth prawf."
        ),
        "date_label": "Dyddiad y canlyniad",
        "facts_label": "Crynodeb o'r achos",
        "sections": {
            "Police": "Yr Heddlu",
            "CPS": "Gwasanaeth Erlyn y Goron",
            "Courts and witness care": "Y llysoedd a gofal tystion",
            "Probation": "Y Gwasanaeth Prawf",
        },
        "fields": {
            # Police
            "offence": ("Trosedd", ""),
            "is_domestic_abuse": ("Cam-drin domestig", ""),
            "is_hate_crime": ("Trosedd casineb", ""),
            "enhanced_rights": (
                "Yn gymwys i gael hawliau uwch",
                "Mae gan ddioddefwyr y troseddau mwyaf difrifol, dioddefwyr sy'n cael eu "
                "targedu'n barhaus a dioddefwyr sy'n agored i niwed neu wedi'u brawychu "
                "hawliau uwch, fel terfynau amser byrrach ar gyfer cael y wybodaeth "
                "ddiweddaraf.",
            ),
            "victim_under_18": ("Dioddefwr o dan 18 oed", ""),
            "communication_needs": (
                "Anghenion cyfathrebu",
                "Er enghraifft, cyfieithydd, cyfryngwr neu wybodaeth hawdd ei deall.",
            ),
            "reported_date": ("Dyddiad rhoi gwybod am y drosedd", ""),
            "recorded_date": (
                "Dyddiad cofnodi'r drosedd",
                "Cymharwch â'r dyddiad rhoi gwybod: dylid cofnodi manylion y drosedd heb oedi "
                "direswm.",
            ),
            "leaflet_given": ("Taflen wybodaeth y dioddefwr wedi'i rhoi", ""),
            "needs_assessment": ("Asesiad o anghenion wedi'i gwblhau", ""),
            "referred_to_support": ("Wedi'i gyfeirio at wasanaethau cymorth i ddioddefwyr", ""),
            "referral_date": (
                "Dyddiad cyfeirio at wasanaethau cymorth",
                "Dylid trosglwyddo'r manylion i wasanaethau cymorth o fewn 2 ddiwrnod gwaith i "
                "roi gwybod am y drosedd.",
            ),
            "compensation_info": ("Gwybodaeth am iawndal wedi'i rhoi", ""),
            "updates_agreed": ("Amlder y diweddariadau wedi'i gytuno â'r dioddefwr", ""),
            "updates_in_time": (
                "Diweddariadau o fewn terfynau amser y Cod",
                "Ar ôl pob penderfyniad allweddol: o fewn 1 diwrnod gwaith i ddioddefwyr sydd â "
                "hawliau uwch, o fewn 5 diwrnod gwaith i eraill.",
            ),
            "charge_decision_told": ("Dioddefwr wedi cael gwybod am y penderfyniad cyhuddo", ""),
            "vps_offered": ("Datganiad Personol Dioddefwr wedi'i gynnig", ""),
            "vps_made": ("Datganiad Personol Dioddefwr wedi'i wneud", ""),
            "property_returned": ("Eiddo wedi'i ddychwelyd", ""),
            "complaint_info": ("Gwybodaeth am sut i gwyno wedi'i rhoi", ""),
            "complaint_made": ("Cwyn wedi'i gwneud", ""),
            "police_contact": (
                "Cyswllt yr heddlu â'r dioddefwr",
                "Crynodeb o'r log cyswllt a gadwyd gan y swyddog sy'n gyfrifol am yr achos.",
            ),
            # CPS
            "charging_decision": ("Penderfyniad cyhuddo Gwasanaeth Erlyn y Goron", ""),
            "charge_altered": ("Cyhuddiad wedi'i newid neu wedi'i ollwng ar ôl cyhuddo", ""),
            "vcl_letter": (
                "Llythyr Cyfathrebu a Chyswllt â Dioddefwyr",
                "Llythyr Gwasanaeth Erlyn y Goron yn egluro penderfyniad i ollwng cyhuddiad neu "
                "i'w newid yn sylweddol.",
            ),
            "right_to_review": ("Hawl Dioddefwyr i Adolygiad wedi'i hegluro", ""),
            "prosecutor_spoke": ("Erlynydd wedi siarad â'r dioddefwr yn y llys", ""),
            "cps_contact": ("Cyswllt Gwasanaeth Erlyn y Goron â'r dioddefwr", ""),
            # Courts and witness care
            "plea": ("Ple", ""),
            "witness_care_contact": (
                "Cyswllt gan swyddog gofal tystion",
                "Cysylltodd swyddog gofal tystion a enwyd â'r dioddefwr ar ôl cyhuddo.",
            ),
            "witness_needs_assessment": ("Asesiad o anghenion tyst wedi'i gwblhau", ""),
            "special_measures": ("Mesurau arbennig", ""),
            "pre_trial_visit": ("Ymweliad â'r llys cyn y treial wedi'i gynnig", ""),
            "hearing_dates_told": (
                "Dioddefwr wedi cael gwybod am ddyddiadau'r gwrandawiadau o fewn terfynau "
                "amser y Cod",
                "",
            ),
            "met_at_court": ("Y Gwasanaeth Tystion wedi cyfarfod â'r dioddefwr yn y llys", ""),
            "expenses_info": ("Gwybodaeth am dreuliau tystion wedi'i rhoi", ""),
            "outcome": ("Canlyniad", ""),
            "sentence": ("Dedfryd", ""),
            "vps_at_sentencing": ("Datganiad Personol Dioddefwr adeg dedfrydu", ""),
            "outcome_told": ("Dioddefwr wedi cael gwybod am y canlyniad", ""),
            "appeal_lodged": ("Apêl wedi'i chyflwyno", ""),
            "appeal_told": ("Dioddefwr wedi cael gwybod am unrhyw apêl", ""),
            "witness_care_contact_log": ("Log cyswllt gofal tystion", ""),
            # Probation
            "vcs_eligible": (
                "Yn gymwys ar gyfer y Cynllun Cyswllt â Dioddefwyr",
                "Cafodd y troseddwr ei ddedfrydu i 12 mis neu fwy yn y ddalfa am drosedd "
                "dreisgar neu rywiol.",
            ),
            "vcs_offered": ("Cynllun Cyswllt â Dioddefwyr wedi'i gynnig", ""),
            "vcs_in_time": (
                "Wedi'i gyfeirio at y Cynllun Cyswllt â Dioddefwyr o fewn y terfyn amser",
                "",
            ),
            "licence_representations": (
                "Dioddefwr wedi gallu gwneud sylwadau am amodau'r drwydded",
                "",
            ),
            "victim_liaison_contact": ("Cyswllt gan y swyddog cyswllt dioddefwyr", ""),
        },
    },
    "stop-search": {
        "name": "Stopio a chwilio",
        "description": (
            "Cofnod stopio a chwilio: y pŵer a ddefnyddiwyd, gwrthrych a seiliau'r chwiliad, "
            "y canlyniad, pwy a chwiliwyd, a sut y cafodd y chwiliad ei gofnodi a'i adolygu."
        ),
        "date_label": "Dyddiad y chwiliad",
        "facts_label": "Amgylchiadau'r chwiliad",
        "sections": {
            "Search": "Y chwiliad",
            "Person searched": "Yr unigolyn a chwiliwyd",
            "Outcome": "Canlyniad",
            "Recording and review": "Cofnodi ac adolygu",
        },
        "fields": {
            "searched_at": ("Dyddiad ac amser y chwiliad", ""),
            "power": ("Pŵer a ddefnyddiwyd", ""),
            "object_of_search": ("Gwrthrych y chwiliad", ""),
            "grounds": (
                "Seiliau dros y chwiliad",
                "Fel y'u cofnodwyd gan y swyddog: mae Cod A PACE yn gofyn am seiliau "
                "gwrthrychol, byth ar sail golwg unigolyn na chyffredinoli.",
            ),
            "self_defined_ethnicity": ("Ethnigrwydd yn ôl diffiniad yr unigolyn", ""),
            "officer_defined_ethnicity": ("Ethnigrwydd yn ôl diffiniad y swyddog", ""),
            "age_band": ("Band oedran", ""),
            "gender": ("Rhywedd", ""),
            "outcome": ("Canlyniad", ""),
            "outcome_linked": (
                "Canlyniad yn gysylltiedig â gwrthrych y chwiliad",
                "Mae'r hyn a ganfuwyd, neu'r canlyniad, yn ymwneud â'r hyn yr oedd y swyddog "
                "yn chwilio amdano.",
            ),
            "bwv_recorded": ("Fideo camera corff wedi'i recordio", ""),
            "bwv_footage": (
                "Ffilm camera corff",
                "Dolen i'r ffilm yn system dystiolaeth yr heddlu.",
            ),
            "strip_search": ("Chwiliad stripio (datgelu rhannau personol y corff)", ""),
            "record_offered": ("Cofnod o'r chwiliad wedi'i gynnig", ""),
            "supervisor_reviewed": ("Goruchwyliwr wedi adolygu", ""),
            "supervisor_comments": ("Sylwadau'r goruchwyliwr", ""),
        },
    },
    "use-of-force": {
        "name": "Defnyddio grym",
        "description": (
            "Cofnod defnyddio grym: ble a pham y defnyddiwyd grym, y tactegau, y ffactorau a "
            "bwysodd y swyddog, anafiadau ac ôl-ofal, a sut y cafodd ei gofnodi a'i adolygu."
        ),
        "date_label": "Dyddiad y digwyddiad",
        "facts_label": "Amgylchiadau'r digwyddiad",
        "sections": {
            "Incident": "Y digwyddiad",
            "Person subject to force": "Yr unigolyn y defnyddiwyd grym arno",
            "Force used": "Y grym a ddefnyddiwyd",
            "Injuries and aftercare": "Anafiadau ac ôl-ofal",
            "Recording and review": "Cofnodi ac adolygu",
        },
        "fields": {
            "occurred_at": ("Dyddiad ac amser y digwyddiad", ""),
            "location_type": ("Math o leoliad", ""),
            "outcome": ("Canlyniad", ""),
            "age_band": ("Band oedran", ""),
            "ethnicity": ("Ethnigrwydd canfyddedig", ""),
            "gender": ("Rhywedd", ""),
            "tactics": ("Tactegau a ddefnyddiwyd", ""),
            "reasons": ("Rhesymau dros ddefnyddio grym", ""),
            "impact_factors": (
                "Ffactorau effaith",
                "Yr hyn a bwysodd y swyddog wrth benderfynu sut i ymateb.",
            ),
            "subject_injured": ("Yr unigolyn wedi'i anafu", ""),
            "officer_injured": ("Swyddog wedi'i anafu", ""),
            "injuries": ("Anafiadau a thriniaeth", ""),
            "medical_assistance": ("Cymorth meddygol", ""),
            "bwv_recorded": ("Fideo camera corff wedi'i recordio", ""),
            "bwv_footage": (
                "Ffilm camera corff",
                "Dolen i'r ffilm yn system dystiolaeth yr heddlu.",
            ),
            "recorded_in_time": ("Wedi'i gofnodi cyn diwedd y shifft", ""),
            "supervisor_reviewed": ("Goruchwyliwr wedi adolygu", ""),
            "supervisor_comments": ("Sylwadau'r goruchwyliwr", ""),
        },
    },
}
