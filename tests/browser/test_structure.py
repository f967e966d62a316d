"""axe runs once per page structure and width: the same page with other words and
numbers is not checked again, and anything axe's verdict could turn on is checked afresh."""

import pytest

from tests.browser import conftest
from tests.browser.structure import signature

pytestmark = pytest.mark.browser

PAGE = """<!doctype html><html lang="en-GB"><head><title>{title}</title></head><body>
<main id="main"><h1>{heading}</h1>
<p>Case <a href="/cases/{pk}/">{ref}</a> has {count} ratings.</p>
<label for="note">Note</label><input id="note" name="note" value="{value}">
{extra}</main></body></html>"""


def shown(page, width=1024, **changes):
    values = dict(title="Cases", heading="Cases", pk=1, ref="A-1", count=3, value="y", extra="")
    values.update(changes)
    page.set_viewport_size({"width": width, "height": 800})
    page.set_content(PAGE.format(**values))
    return signature(page)


def test_the_same_page_with_other_words_and_numbers_has_the_same_signature(page):
    first = shown(page)
    assert shown(page, heading="Meetings", pk=42, ref="B-77", count=11, value="x") == first


@pytest.mark.parametrize(
    "changes",
    [
        {"title": " "},  # the page loses its title
        {"heading": ""},  # an empty heading
        {"extra": '<img src="/a.png">'},  # an image with no text alternative
        {"extra": '<img src="/a.png" alt="">'},  # ... or a decorative one
        {"extra": '<span id="note">again</span>'},  # an id used twice
        {"extra": '<a href="#nowhere">Skip</a>'},  # a link to an id not on the page
        {"extra": '<p class="govuk-body-s">Small</p>'},  # another class, other colours
        {"extra": '<p style="color: #ccc">Faint</p>'},  # an inline style
        {"extra": '<p lang="cy">Croeso</p>'},  # a passage in another language
    ],
)
def test_a_change_axe_could_see_gives_another_signature(page, changes):
    assert shown(page, **changes) != shown(page)


def test_another_width_gives_another_signature(page):
    assert shown(page, width=375) != shown(page)


def test_a_page_axe_faulted_is_faulted_again_without_a_second_run(page, monkeypatch):
    runs = []
    real = conftest._axe_run
    monkeypatch.setattr(conftest, "_axe_run", lambda p: runs.append(1) or real(p))
    page.skip_markup_check = True
    shown(page, extra='<img src="/a.png">', ref="Z-9")
    first = conftest.axe_violations(page)
    shown(page, extra='<img src="/b.png">', ref="Y-8")
    assert conftest.axe_violations(page) == first
    assert any(line.startswith("image-alt") for line in first)
    assert len(runs) == 1
