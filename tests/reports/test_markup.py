"""Report text: the Markdown subset staff write in, sanitised on the way out."""

from reports.markup import plain, render


def test_headings_lists_bold_and_links_become_govuk_markup():
    html = render("## Support\n\n**Call** [the helpline](https://example.org).\n\n- one\n- two")

    assert html == (
        '<h3 class="govuk-heading-m">Support</h3>\n'
        '<p class="govuk-body"><strong>Call</strong> <a class="govuk-link" '
        'href="https://example.org" rel="noopener noreferrer">the helpline</a>.</p>\n'
        '<ul class="govuk-list govuk-list--bullet">\n<li>one</li>\n<li>two</li>\n</ul>'
    )


def test_raw_html_is_shown_as_text_never_run():
    html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">')

    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_links_other_than_web_mail_and_phone_lose_their_target():
    html = render("[a](javascript:alert(1)) [b](data:text/html,x) [c](mailto:opcc@example.org)")

    assert "javascript:" not in html and "data:" not in html
    assert 'href="mailto:opcc@example.org"' in html


def test_plain_text_for_the_disclosure_check_drops_markup_only():
    assert plain("**Bold** & [link](https://example.org) <b>x</b>") == "Bold & link <b>x</b>"
