"""Worlds built once for a module, inside a transaction rolled back when it ends: each
test runs in a savepoint within it (pytest-django's `db`), so nothing leaks."""

import os
from collections.abc import Callable, Iterator

from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

# Nobody in a module's world signs in with a password; the real hasher costs seconds.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def module_world(django_db_blocker, build: Callable[[], object], **settings) -> Iterator:
    """For a module-scoped fixture to `yield from`: the world `build` makes, with the
    given settings, the fast hasher and the database open, undone when the module ends."""
    with (
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, **settings),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        world = build()
        settle()
        yield world
        transaction.set_rollback(True)


def demo_loaded() -> None:
    """The demo, as `manage.py load_demo` loads it (its reports too), saying nothing."""
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)


def settle() -> None:
    """Runs the deferred foreign-key checks of everything a module's world wrote, once,
    at the top of its transaction, where PostgreSQL is then done with them.

    Each test's teardown asks for the checks at once inside its own savepoint (Django's
    TestCase does), and PostgreSQL walks every deferred check the transaction still
    holds each time: about 10 ms a test after a world the access matrix's size, for
    thousands of tests. Settled at the top level first, the checks are dropped and each
    test's walk covers only its own rows."""
    connection.check_constraints()
