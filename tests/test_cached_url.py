"""`{% url %}` in every template remembers what it reversed, and stays right."""

import pytest
from django.template import engines
from django.test import override_settings
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.templatetags.cached_url import _reverse


def render(source: str, **context) -> str:
    return engines["django"].from_string(source).render(context)


def test_the_url_tag_gives_what_reverse_gives_and_remembers_it():
    _reverse.cache_clear()
    source = "{% url 'panels:case_papers' pk position %}"

    first = render(source, pk=7, position=3)
    hits = _reverse.cache_info().hits
    again = render(source, pk=7, position=3)

    assert first == again == reverse("panels:case_papers", args=[7, 3])
    assert _reverse.cache_info().hits == hits + 1
    assert render(source, pk=8, position=3) == reverse("panels:case_papers", args=[8, 3])


def test_text_written_in_the_template_is_remembered_too():
    source = "{% url 'panels:meeting_export' 3 'ratings' 'csv' %}"
    render(source)
    hits = _reverse.cache_info().hits

    assert render(source) == reverse("panels:meeting_export", args=[3, "ratings", "csv"])
    assert _reverse.cache_info().hits == hits + 1


def test_keyword_arguments_and_as_var():
    url = reverse("public:report", kwargs={"panel": "north", "slug": "x"})
    assert render("{% url 'public:report' slug='x' panel='north' %}") == url
    assert render("{% url 'public:report' panel=p slug='x' as link %}[{{ link }}]", p="q") == (
        f"[{reverse('public:report', kwargs={'panel': 'q', 'slug': 'x'})}]"
    )


def test_an_unknown_name_still_fails_and_as_var_still_swallows_it():
    with pytest.raises(NoReverseMatch):
        render("{% url 'no-such-page' %}")
    assert render("{% url 'no-such-page' as link %}[{{ link }}]") == "[]"


def test_the_script_prefix_is_part_of_the_answer():
    source = "{% url 'public:report_list' %}"
    plain = render(source)
    try:
        set_script_prefix("/scrutiny/")
        prefixed = render(source)
    finally:
        set_script_prefix("/")

    assert prefixed == "/scrutiny" + plain
    assert render(source) == plain


@override_settings(ROOT_URLCONF="tests.urls_other")
def test_another_url_configuration_is_not_answered_from_the_first():
    assert render("{% url 'public:report_list' %}") == "/elsewhere/"


def test_arguments_that_are_not_plain_are_reversed_each_time():
    class Position:
        def __str__(self):
            return "5"

    misses = _reverse.cache_info().misses
    assert render("{% url 'panels:case_papers' 1 p %}", p=Position()) == reverse(
        "panels:case_papers", args=[1, 5]
    )
    assert _reverse.cache_info().misses == misses
