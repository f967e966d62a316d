"""The W3C Nu HTML Checker, as the browser tests use it: an error on a page fails the
run, naming the page's URL, the test that visited it and vnu's message."""

import pytest

from tests.browser.conftest import nu_errors

pytestmark = pytest.mark.browser

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Page</title></head>'
    '<body><label for="a">A</label><select id="a"{attributes}><option>One</option></select>'
    "</body></html>"
)


def test_vnu_reports_each_error_with_the_page_and_the_test(tmp_path):
    pages = [
        ("test_a", "http://127.0.0.1/good/", PAGE.format(attributes="")),
        ("test_b", "http://127.0.0.1/bad/", PAGE.format(attributes=' aria-describedby=""')),
    ]

    problems = nu_errors(pages, tmp_path)

    assert len(problems) == 1
    assert problems[0].startswith("http://127.0.0.1/bad/ (line 1, in test_b): Bad value")
    assert "aria-describedby" in problems[0]
