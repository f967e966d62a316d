"""gunicorn's own settings: whom it believes about the scheme."""

import importlib

import pytest

import scrutiny.gunicorn_conf


def _conf(monkeypatch, **env):
    for name in ("BEHIND_TLS_PROXY", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return importlib.reload(scrutiny.gunicorn_conf)


@pytest.fixture(autouse=True)
def _reload_afterwards():
    yield
    importlib.reload(scrutiny.gunicorn_conf)


@pytest.mark.parametrize("env", [{}, {"BEHIND_TLS_PROXY": "0"}, {"FORWARDED_ALLOW_IPS": "*"}])
def test_without_a_tls_proxy_no_address_may_say_the_request_was_https(monkeypatch, env):
    assert _conf(monkeypatch, **env).forwarded_allow_ips == ""


def test_behind_a_tls_proxy_only_the_proxy_on_loopback_is_believed(monkeypatch):
    assert _conf(monkeypatch, BEHIND_TLS_PROXY="1").forwarded_allow_ips == "127.0.0.1,::1"


def test_behind_a_tls_proxy_elsewhere_its_address_can_be_given(monkeypatch):
    conf = _conf(monkeypatch, BEHIND_TLS_PROXY="on", FORWARDED_ALLOW_IPS="10.0.0.5")

    assert conf.forwarded_allow_ips == "10.0.0.5"
