"""The Welsh wording of the seeded frameworks and themes (docs/adr/0017).

Data only, keyed as reference_data seeds the rows (framework slug, then category, group
and criterion codes; theme slug), so migration 0020 can use it with historical models.
"""

THREE_WAY = {
    "good-practice": ("Arfer da", "Arfer da"),
    "adequate": ("Digonol", "Digonol"),
    "concern": ("Pryder", "Pryder"),
}

OOCR_CRITERIA = {
    "offence-admitted": (
        "Trosedd wedi'i chyfaddef",
        "Mae cyfaddefiad llawn a gonest ar gofnod (yn ofynnol ar gyfer unrhyw rybuddiad).",
    ),
    "victim-views": ("Barn y dioddefwr wedi'i cheisio a'i chofnodi", ""),
    "crime-classified": (
        "Trosedd wedi'i dosbarthu'n gywir",
        "Er enghraifft, mae cofnodi stelcian fel aflonyddu yn tanddatgan pa mor ddifrifol ydyw.",
    ),
    "gravity-score": ("Sgôr y matrics difrifoldeb wedi'i chofnodi", ""),
    "authority": (
        "Wedi'i awdurdodi ar y rheng ofynnol",
        "e.e. awdurdod Uwch-arolygydd lle bo angen.",
    ),
    "conditions": ("Amodau'n gymesur ac yn ystyrlon", ""),
    "offending-history": ("Hanes troseddu wedi'i ystyried", ""),
    "cps-advice": ("Cyngor Gwasanaeth Erlyn y Goron wedi'i geisio lle bo angen", ""),
    "restorative-justice": ("Cyfiawnder adferol wedi'i ystyried", ""),
}

VICTIMS_RIGHTS = {
    "understand-and-be-understood": ("Gallu deall a chael eich deall", ""),
    "crime-recorded": ("Cael cofnodi manylion y drosedd heb oedi direswm", ""),
    "information-when-reporting": ("Cael gwybodaeth wrth roi gwybod am y drosedd", ""),
    "referral-to-support": ("Cael eich cyfeirio at wasanaethau sy'n cefnogi dioddefwyr", ""),
    "compensation-information": ("Cael gwybodaeth am iawndal", ""),
    "investigation-information": ("Cael gwybodaeth am yr ymchwiliad a'r erlyniad", ""),
    "victim-personal-statement": ("Gwneud Datganiad Personol Dioddefwr", ""),
    "trial-information": (
        "Cael gwybodaeth am y treial, proses y treial a'ch rôl fel tyst",
        "",
    ),
    "outcome-information": ("Cael gwybodaeth am ganlyniad yr achos ac unrhyw apeliadau", ""),
    "expenses-and-property": ("Cael talu treuliau a chael eiddo yn ôl", ""),
    "offender-information": ("Cael gwybodaeth am y troseddwr yn dilyn euogfarn", ""),
    "complaint": ("Gwneud cwyn am beidio â bodloni eich hawliau", ""),
}

# Framework slug → its wording; categories code → (label, short label); groups code →
# label; criteria code → (label, guidance).
FRAMEWORKS_CY = {
    "oocr-four-way": {
        "name": "Datrysiadau y tu allan i'r llys (pedwar categori)",
        "description": (
            "Ai'r datrysiad y tu allan i'r llys oedd y penderfyniad cywir? Caiff pob achos "
            "ei roi mewn un o bedwar categori."
        ),
        "criteria_heading": "Gwiriadau'r penderfyniad",
        "categories": {
            "consistent": (
                "Yn gyson â Pholisi'r Heddlu (a Chod Gwasanaeth Erlyn y Goron ar gyfer "
                "Erlynwyr y Goron)",
                "Cyson",
            ),
            "consistent-with-observations": (
                "Yn gyson â Pholisi'r Heddlu (ond gyda sylwadau wedi'u hychwanegu gan y panel)",
                "Cyson, gyda sylwadau",
            ),
            "inconsistent": ("Yn anghyson â Pholisi'r Heddlu", "Anghyson"),
            "no-conclusion": ("Y panel yn methu â dod i gasgliad", "Dim casgliad"),
        },
        "criteria": OOCR_CRITERIA,
    },
    "oocr-three-way": {
        "name": "Datrysiadau y tu allan i'r llys (tri chategori)",
        "description": "A oedd y datrysiad yn briodol ac yn gyson â pholisi a chanllawiau?",
        "criteria_heading": "Gwiriadau'r penderfyniad",
        "categories": {
            "appropriate": (
                "Priodol ac yn gyson â pholisi lleol a chanllawiau cenedlaethol",
                "Priodol",
            ),
            "appropriate-with-observations": (
                "Priodol ac yn gyson â pholisi lleol a chanllawiau cenedlaethol, gyda sylwadau",
                "Priodol, gyda sylwadau",
            ),
            "inappropriate": (
                "Amhriodol ac yn anghyson â pholisi lleol a chanllawiau cenedlaethol",
                "Amhriodol",
            ),
        },
        "criteria": OOCR_CRITERIA,
    },
    "vcop-seven-way": {
        "name": "Cod Ymarfer i Ddioddefwyr (saith categori)",
        "description": (
            "A gafodd 12 hawl y dioddefwr o dan y Cod eu bodloni? Caiff pob hawl ei hasesu, "
            "yna caiff yr achos ei roi mewn un o saith categori."
        ),
        "criteria_heading": "Hawliau dioddefwyr",
        "categories": {
            "fully-compliant": ("Cydymffurfio'n llawn", "Cydymffurfio'n llawn"),
            "partially-compliant": ("Cydymffurfio'n rhannol", "Cydymffurfio'n rhannol"),
            "non-compliant": ("Heb gydymffurfio", "Heb gydymffurfio"),
            "victim-did-not-engage": (
                "Ni wnaeth y dioddefwr ymgysylltu",
                "Ni wnaeth y dioddefwr ymgysylltu",
            ),
            "no-decision": ("Y panel wedi methu â dod i benderfyniad", "Dim penderfyniad"),
            "information-not-recorded": (
                "Gwybodaeth heb ei chofnodi",
                "Gwybodaeth heb ei chofnodi",
            ),
            "not-applicable": ("Amherthnasol", "Amherthnasol"),
        },
        "criteria": VICTIMS_RIGHTS,
    },
    "stop-search-three-way": {
        "name": "Stopio a chwilio (arfer da, digonol, pryder)",
        "description": (
            "A oedd y chwiliad yn gyfreithlon, yn deg ac wedi'i gynnal yn dda? Caiff pob "
            "chwiliad ei roi mewn un o dri chategori: arfer da, digonol neu bryder."
        ),
        "criteria_heading": "Cwestiynau craffu",
        "categories": THREE_WAY,
        "groups": {
            "grounds": "Y seiliau dros y chwiliad",
            "encounter": "Y cyfarfyddiad",
            "outcome": "Y canlyniad a'r cofnod",
        },
        "criteria": {
            "grounds-reasonable": (
                "Seiliau rhesymol ac wedi'u cofnodi",
                "Seiliau gwrthrychol, wedi'u cofnodi ar y pryd; byth ar sail golwg na "
                "chyffredinoli (Cod A PACE).",
            ),
            "power-appropriate": (
                "Pŵer sy'n gweddu i'r seiliau",
                "Mae'r pŵer a ddefnyddiwyd yn cyd-fynd â'r hyn yr oedd y swyddog yn ei amau "
                "ac yn chwilio amdano.",
            ),
            "gowisely": (
                "GOWISELY wedi'i egluro",
                "Seiliau, Gwrthrych, Cerdyn gwarant, Hunaniaeth, Gorsaf, Hawl i gofnod, Pŵer "
                "cyfreithiol, a bod yr unigolyn yn cael ei gadw ar gyfer chwiliad.",
            ),
            "bwv-used": (
                "Camera corff wedi'i ddefnyddio",
                "Recordio o cyn y cyswllt cyntaf hyd at ddiwedd y cyfarfyddiad.",
            ),
            "respect": ("Yr unigolyn wedi'i drin â pharch", ""),
            "search-extent": (
                "Cwmpas y chwiliad wedi'i gyfiawnhau",
                "Mae unrhyw dynnu dillad, ac yn anad dim chwiliad stripio, wedi'i gyfiawnhau "
                "a'i gofnodi.",
            ),
            "outcome-proportionate": ("Canlyniad cymesur", ""),
            "record-complete": (
                "Cofnod yn gyflawn ac wedi'i gynnig",
                "Mae cofnod y chwiliad yn gyflawn a chynigiwyd copi i'r unigolyn.",
            ),
            "supervisor-review": ("Goruchwyliwr wedi adolygu'r chwiliad", ""),
        },
    },
    "use-of-force-three-way": {
        "name": "Defnyddio grym (arfer da, digonol, pryder)",
        "description": (
            "A oedd y grym a ddefnyddiwyd yn angenrheidiol, yn gymesur ac yn rhesymol, ac a "
            "gafodd ei gofnodi a'i ddilyn i fyny'n dda? Caiff pob achos o ddefnyddio grym ei "
            "roi mewn un o dri chategori: arfer da, digonol neu bryder."
        ),
        "criteria_heading": "Cwestiynau craffu",
        "categories": THREE_WAY,
        "groups": {
            "justification": "A oedd y grym wedi'i gyfiawnhau?",
            "conduct": "Sut y defnyddiwyd y grym?",
            "after": "Cofnodi ac ôl-ofal",
        },
        "criteria": {
            "force-necessary": (
                "Grym yn angenrheidiol",
                "Nid oedd ffordd arall o gyflawni nod cyfreithlon.",
            ),
            "force-proportionate": (
                "Grym yn gymesur",
                "Roedd y grym a ddefnyddiwyd yn cyfateb i'r bygythiad a'r nod.",
            ),
            "force-reasonable": (
                "Grym yn rhesymol o dan yr amgylchiadau",
                "Fel yr oedd y swyddog yn credu'n onest eu bod.",
            ),
            "de-escalation": (
                "Ymgais i dawelu'r sefyllfa",
                "Rhoddwyd cynnig ar gyfathrebu tactegol ac opsiynau eraill, neu nodwyd pam nad "
                "oedd modd gwneud hynny.",
            ),
            "bwv-used": ("Camera corff wedi'i ddefnyddio", ""),
            "respect": ("Yr unigolyn wedi'i drin â pharch", ""),
            "recorded-properly": (
                "Wedi'i gofnodi'n briodol",
                "Cofnod defnyddio grym wedi'i wneud cyn diwedd y shifft, gyda'r rhesymau.",
            ),
            "aftercare": (
                "Ôl-ofal wedi'i roi ac anafiadau wedi'u trin",
                "Cynigiwyd cymorth meddygol lle bo angen, a chofnodwyd unrhyw anaf.",
            ),
            "supervisor-review": ("Goruchwyliwr wedi adolygu'r defnydd o rym", ""),
        },
    },
}

THEMES_CY = {
    "crime-misclassified": "Trosedd wedi'i chamddosbarthu",
    "no-clear-admission": "Dim cyfaddefiad clir",
    "victim-views-not-sought": "Barn y dioddefwr heb ei cheisio",
    "authority-not-recorded": "Awdurdod heb ei gofnodi",
    "gravity-score-missing": "Sgôr difrifoldeb ar goll",
    "not-all-crimes-recorded": "Nid yw pob trosedd wedi'i chofnodi",
    "cps-advice-not-sought": "Cyngor Gwasanaeth Erlyn y Goron heb ei geisio",
    "intervention-not-meaningful": "Ymyriad heb fod yn ystyrlon",
    "victim-not-updated": "Y dioddefwr heb gael y wybodaeth ddiweddaraf",
    "victim-leaflet-not-recorded": "Dim cofnod bod taflen wybodaeth y dioddefwr wedi'i rhoi",
    "good-practice": "Arfer da",
    "grounds-not-reasonable": "Seiliau heb fod yn rhesymol neu heb eu cofnodi",
    "gowisely-not-explained": "GOWISELY heb ei egluro'n llawn",
    "bwv-not-used": "Camera corff heb ei ddefnyddio",
    "manner-fell-short": "Ymddygiad neu gyfathrebu'n brin o'r safon",
    "outcome-disproportionate": "Canlyniad anghymesur",
    "force-not-justified": "Grym heb ei gyfiawnhau",
    "no-de-escalation": "Dim ymgais i dawelu'r sefyllfa",
    "aftercare-not-recorded": "Ôl-ofal heb ei gofnodi",
}


def _english(frameworks):
    """The seeded English, keyed as FRAMEWORKS_CY is."""
    english = {}
    for spec, criteria in frameworks:
        english[spec["slug"]] = {
            **{k: spec[k] for k in ("name", "description", "criteria_heading")},
            "categories": {c[0]: (c[1], c[2]) for c in spec["categories"]},
            "groups": dict(spec.get("groups", ())),
            "criteria": {c[0]: (c[1], c[2] if len(c) > 2 else "") for c in criteria},
        }
    return english


# A new framework's Welsh criteria heading starts as the English field's default, copied
# by django-modeltranslation: it is no Welsh, and is treated as none.
UNSET_CRITERIA_HEADING = "Criteria"
CRITERIA_HEADING_CY = "Meini prawf"


def clear_copied_criteria_heading(frameworks) -> None:
    """Frameworks whose Welsh criteria heading is only the copied English default: "Meini
    prawf" where their English is that default too, none (the English shows) elsewhere,
    until the seeded Welsh or a data admin gives it."""
    copied = frameworks.filter(criteria_heading_cy=UNSET_CRITERIA_HEADING)
    copied.filter(criteria_heading=UNSET_CRITERIA_HEADING).update(
        criteria_heading_cy=CRITERIA_HEADING_CY
    )
    copied.exclude(criteria_heading=UNSET_CRITERIA_HEADING).update(criteria_heading_cy=None)


def _fill(row, pairs) -> bool:
    """Give row the Welsh of each field whose English is still the seeded wording and
    whose Welsh is blank: an admin's rewording, or Welsh of their own, is kept."""
    changed = False
    for field, english, welsh in pairs:
        if welsh and getattr(row, field) == english and not _welsh_given(row, field):
            setattr(row, f"{field}_cy", welsh)
            changed = True
    if changed:
        row.save()
    return changed


def _welsh_given(row, field: str) -> bool:
    welsh = getattr(row, f"{field}_cy")
    return bool(welsh) and not (field == "criteria_heading" and welsh == UNSET_CRITERIA_HEADING)


def seed_welsh(apps, *, frameworks, themes: dict) -> None:
    """The Welsh of the seeded `frameworks` (spec, criteria) and `themes` (slug: English
    name), wherever the English is still as seeded (panels.reference_data.seed)."""
    Framework = apps.get_model("panels", "Framework")
    english = _english(frameworks)
    for framework in Framework.objects.filter(slug__in=FRAMEWORKS_CY):
        en, cy = english[framework.slug], FRAMEWORKS_CY[framework.slug]
        fields = ("name", "description", "criteria_heading")
        _fill(framework, [(f, en[f], cy[f]) for f in fields])
        for category in framework.categories.filter(code__in=cy["categories"]):
            (label, short), (label_cy, short_cy) = (
                en["categories"].get(category.code, ("", "")),
                cy["categories"][category.code],
            )
            _fill(category, [("label", label, label_cy), ("short_label", short, short_cy)])
        for group in framework.criterion_groups.filter(code__in=cy.get("groups", {})):
            label = en["groups"].get(group.code, "")
            _fill(group, [("label", label, cy["groups"][group.code])])
        for criterion in framework.criteria.filter(code__in=cy["criteria"]):
            label, guidance = en["criteria"].get(criterion.code, ("", ""))
            label_cy, guidance_cy = cy["criteria"][criterion.code]
            _fill(criterion, [("label", label, label_cy), ("guidance", guidance, guidance_cy)])
    names = themes
    for theme in apps.get_model("panels", "Theme").objects.filter(slug__in=THEMES_CY):
        _fill(theme, [("name", names.get(theme.slug, ""), THEMES_CY[theme.slug])])
