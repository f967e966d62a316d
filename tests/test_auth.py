"""Signing in, signing out and resetting a password."""

import re

from django.core import mail

from tests.factories import PASSWORD


def test_sign_in_with_right_password_lands_on_home(client, mina):
    response = client.post("/sign-in/", {"username": "mina", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/"


def test_sign_in_with_wrong_password_says_what_is_wrong(client, mina):
    response = client.post("/sign-in/", {"username": "mina", "password": "nope"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Enter a correct username and password" in body


def test_sign_in_with_empty_fields_links_each_error_to_its_field(client, db):
    response = client.post("/sign-in/", {"username": "", "password": ""})

    body = response.content.decode()
    assert '<a href="#id_username">Enter your username</a>' in body
    assert '<a href="#id_password">Enter your password</a>' in body


def test_sign_in_form_renders_gov_uk_markup(client, db):
    body = client.get("/sign-in/").content.decode()

    assert 'class="govuk-input govuk-!-width-two-thirds" id="id_username"' in body
    assert 'class="govuk-button"' in body


def test_sign_out_is_a_post_and_ends_the_session(client, mina):
    client.force_login(mina)

    response = client.post("/sign-out/")

    assert response.status_code == 302
    assert client.get("/panels/meetings/").status_code == 302
    assert "Read the published findings" in client.get("/").content.decode()


def test_password_reset_emails_a_link_that_sets_a_new_password(client, mina):
    client.post("/password-reset/", {"email": "mina@example.org"})

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reset your Scrutiny password"
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    new = "a-new-long-passphrase-42"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.url == "/password-reset/complete/"
    assert client.login(username="mina", password=new)


def test_password_reset_for_unknown_email_sends_nothing_and_looks_the_same(client, db):
    response = client.post("/password-reset/", {"email": "nobody@example.org"})

    assert response.url == "/password-reset/sent/"
    assert mail.outbox == []
