"""`{% cached_url %}` remembers what it reversed, and stays right; `{% url %}` is Django's."""

import pytest
from django.template import engines
from django.template.defaulttags import URLNode
from django.test import override_settings
from django.urls import NoReverseMatch, clear_url_caches, reverse, set_script_prefix
from django.utils import translation

from core.templatetags.cached_url import CachedURLNode, remembered


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_the_url_tag_is_djangos_own():
    template = engines["django"].from_string("{% url 'public:report_list' %}")
    node = template.template.nodelist[0]

    assert type(node) is URLNode
    assert not isinstance(node, CachedURLNode)


def test_cached_url_gives_what_reverse_gives_and_remembers_it():
    source = "{% cached_url 'panels:case_papers' pk position %}"

    first = render(source, pk=7, position=3)
    kept = len(remembered())
    again = render(source, pk=7, position=3)

    assert first == again == reverse("panels:case_papers", args=[7, 3])
    assert len(remembered()) == kept
    assert render(source, pk=8, position=3) == reverse("panels:case_papers", args=[8, 3])
    assert len(remembered()) == kept + 1


def test_text_written_in_the_template_is_remembered_too():
    source = "{% cached_url 'panels:meeting_export' 3 'ratings' 'csv' %}"
    render(source)
    kept = len(remembered())

    assert render(source) == reverse("panels:meeting_export", args=[3, "ratings", "csv"])
    assert len(remembered()) == kept


def test_keyword_arguments_and_as_var():
    url = reverse("public:report", kwargs={"panel": "north", "slug": "x"})
    assert render("{% cached_url 'public:report' slug='x' panel='north' %}") == url
    assert render(
        "{% cached_url 'public:report' panel=p slug='x' as link %}[{{ link }}]", p="q"
    ) == (f"[{reverse('public:report', kwargs={'panel': 'q', 'slug': 'x'})}]")


def test_an_unknown_name_still_fails_and_as_var_still_swallows_it():
    with pytest.raises(NoReverseMatch):
        render("{% cached_url 'no-such-page' %}")
    assert render("{% cached_url 'no-such-page' as link %}[{{ link }}]") == "[]"


def test_the_script_prefix_is_part_of_the_answer():
    source = "{% cached_url 'public:report_list' %}"
    plain = render(source)
    try:
        set_script_prefix("/scrutiny/")
        prefixed = render(source)
    finally:
        set_script_prefix("/")

    assert prefixed == "/scrutiny" + plain
    assert render(source) == plain


def test_the_language_is_part_of_the_key():
    clear_url_caches()
    source = "{% cached_url 'public:report_list' %}"
    with translation.override("en"):
        render(source)
    with translation.override("cy"):
        render(source)

    languages = {key[-1] for key in remembered() if key[0] == "public:report_list"}
    assert languages == {"en", "cy"}


def test_clearing_the_url_caches_empties_what_it_remembered():
    render("{% cached_url 'public:report_list' %}")
    assert len(remembered()) > 0

    clear_url_caches()

    assert remembered() == {}


@override_settings(ROOT_URLCONF="tests.urls_other")
def test_another_url_configuration_is_not_answered_from_the_first():
    assert render("{% cached_url 'public:report_list' %}") == "/elsewhere/"


def test_arguments_that_are_not_plain_are_reversed_each_time():
    class Position:
        def __str__(self):
            return "5"

    kept = len(remembered())
    assert render("{% cached_url 'panels:case_papers' 1 p %}", p=Position()) == reverse(
        "panels:case_papers", args=[1, 5]
    )
    assert len(remembered()) == kept
