"""The checklist every accountability page test runs (house rule 15)."""

from django.urls import reverse

SIGN_IN = reverse("login")


def signed_out_goes_to_sign_in(client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(SIGN_IN), url


def status_for(client, user, url: str, method: str = "get", data=None) -> int:
    client.force_login(user)
    response = getattr(client, method)(url, data or {})
    client.logout()
    return response.status_code


def error_page(response, message: str) -> str:
    """The page shows `message` in its error summary."""
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert message in page
    return page


def date_fields(name: str, day) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}
