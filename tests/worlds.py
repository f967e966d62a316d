"""Worlds built once for a module, inside a transaction rolled back when it ends."""

from django.db import connection


def settle() -> None:
    """Runs the deferred foreign-key checks of everything a module's world wrote, once,
    at the top of its transaction, where PostgreSQL is then done with them.

    Each test's teardown asks for the checks at once inside its own savepoint (Django's
    TestCase does), and PostgreSQL walks every deferred check the transaction still
    holds each time: about 10 ms a test after a world the access matrix's size, for
    thousands of tests. Settled at the top level first, the checks are dropped and each
    test's walk covers only its own rows."""
    connection.check_constraints()
