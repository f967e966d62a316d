"""scripts/check_untranslated_templates.py: text a person reads must be marked for
translation; markup, variables, code and the opted-out lines are not text."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "check_untranslated_templates", ROOT / "scripts" / "check_untranslated_templates.py"
)
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)
LOAD = "{% load i18n %}"  # on the first line, so line numbers stay as written


@pytest.mark.parametrize(
    "source",
    [
        '<h1 class="govuk-heading-l">{% translate "Your work" %}</h1>',
        "<p>{% blocktranslate trimmed with n=count %}\n  {{ n }} cases\n{% endblocktranslate %}",
        "{% blocktranslate count n=c %}one{% plural %}{{ n }} cases{% endblocktranslate %}",
        "<td>{{ case.reference }}</td><td>{{ meeting.date|date:'j F Y' }}</td>",
        "<p>{# A note to whoever edits this #}{% comment %}Also a note{% endcomment %}</p>",
        '<script>const label = "Loading";</script><style>.a::after { content: "x"; }</style>',
        "<li>&ctdot;</li><span> &#9650; – : , ( ) 12</span>",
        '<a href="/findings/" class="govuk-link" lang="cy">{{ label }}</a>',
        '<input type="submit" value="{% translate "Save" %}">',
        '<input type="text" value="default">',
        '<a lang="cy" hreflang="cy">Cymraeg</a>{# notranslate #}',
        '<nav aria-label="{% translate "Menu" %}"></nav>',
        "<!-- a comment with words -->",
    ],
)
def test_marked_or_untranslatable_text_passes(source):
    assert check.problems(LOAD + source) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<h1>Your work</h1>", [(1, "Your work")]),
        ("<p>\n  {{ n }} cases\n</p>", [(2, "cases")]),
        ('<img src="x.png" alt="A chart">', [(1, 'alt="A chart"')]),
        ('<nav aria-label="Menu"></nav>', [(1, 'aria-label="Menu"')]),
        ('<span title="More">{% translate "x" %}</span>', [(1, 'title="More"')]),
        ('<input placeholder="Search">', [(1, 'placeholder="Search"')]),
        ('<div aria-description="Sorted">', [(1, 'aria-description="Sorted"')]),
        ('<input type="submit" value="Save">', [(1, 'value="Save"')]),
        ("{% if a %}Yes{% else %}{% translate 'No' %}{% endif %}", [(1, "Yes")]),
        ("<p>{% translate 'Fine' %}</p>\n<p>Not fine</p>", [(2, "Not fine")]),
        ("<p>Cymraeg</p>{# another comment #}", [(1, "Cymraeg")]),
    ],
)
def test_unmarked_text_is_listed_with_its_line(source, expected):
    assert check.problems(LOAD + source) == expected


def test_translation_tags_without_loading_them_are_listed():
    source = "{% comment %}A note{% endcomment %}<p>{% translate 'Fine' %}</p>"

    assert check.problems(source) == [(1, "{% translate %} used without {% load i18n %}")]


def test_plain_text_email_counts_every_line_with_words():
    source = "{% load i18n %}{% translate 'Hello,' %}\n\n{{ link }}\nThis email was sent by us.\n"

    assert check.problems(source, plain_text=True) == [(4, "This email was sent by us.")]


def test_the_script_lists_file_and_line_and_fails(tmp_path, capsys, monkeypatch):
    page = tmp_path / "templates" / "page.html"
    page.parent.mkdir()
    page.write_text("{% load i18n %}\n<h1>{% translate 'Fine' %}</h1>\n<p>Left out</p>\n")
    monkeypatch.setattr(check, "ROOT", tmp_path)

    status = check.main(["templates"])

    assert status == 1
    assert capsys.readouterr().out.splitlines()[0] == "templates/page.html:3: Left out"


def test_the_templates_already_marked_pass(capsys):
    assert check.main([]) == 0, capsys.readouterr().out
