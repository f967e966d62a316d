"""Shared fixtures: a named cast of users, one per role.

Alice is a data admin, Olu works for the OPCC, Chris chairs a panel, Mina is a
voting member, Pat is a non-voting police attendee and Nadia sits on another
panel altogether. Lee is the force liaison for the force of Chris's panel: he
answers the actions addressed to it and sits on no panel. Eve has an account and
no role at all.
"""

import pytest

from core.roles import StaffRole
from panels.enums import Agency, MembershipRole
from tests import factories


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Every factory user has a password; the real hasher spends half a second on each.
    Tests are about who may do what, not about the hasher, which Django tests itself."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: ids repeat once a test's rows are rolled
    back, so a page cached by one test could otherwise answer the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A request for a Welsh page leaves Welsh active in the thread; each test starts in
    the default language, as each real request does."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run inside the request that starts them, as if a worker took
    each one at once; tests/test_jobs.py puts them on the database queue, with workers."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On PostgreSQL, each worker's test database is a copy of the run's one migrated
    template (`CREATE DATABASE … TEMPLATE`, the one the server tests copy too), so the
    migrations run once a run rather than once a worker; the migrate that Django's test
    set-up then runs finds nothing left to do. SQLite migrates its own, in memory."""
    from django.conf import settings

    from tests.servers import on_postgresql, template_name

    if on_postgresql():
        settings.DATABASES["default"]["TEST"]["TEMPLATE"] = template_name()


@pytest.fixture(scope="session")
def _welsh_locale(tmp_path_factory):
    """The service's Welsh catalogue (locale/cy), compiled once for the run into a folder
    of its own, as `make install` compiles it."""
    import shutil
    import subprocess
    from pathlib import Path

    source = Path(__file__).resolve().parents[1] / "locale"
    locale = tmp_path_factory.mktemp("locale")
    shutil.copytree(source, locale, dirs_exist_ok=True)
    folder = locale / "cy" / "LC_MESSAGES"
    msgfmt = shutil.which("msgfmt") or "/usr/bin/msgfmt"
    subprocess.run(  # noqa: S603 (gettext's own tool on our own catalogue)
        [msgfmt, "--check", "-o", str(folder / "django.mo"), str(folder / "django.po")], check=True
    )
    return locale


@pytest.fixture
def welsh(settings, _welsh_locale):
    """Welsh ready to switch on: the language code, with its catalogue loaded."""
    settings.LOCALE_PATHS = [str(_welsh_locale)]
    return "cy"


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run what services queue once their transaction commits, as a real commit would."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


@pytest.fixture
def reference_data(db):
    """The seeded frameworks, crime codes and outcome types, put back if a test that
    flushes the database (transaction=True) ran before and took them away."""
    from django.apps import apps

    from cases.reference_data import seed as seed_cases
    from panels.reference_data import seed as seed_panels

    seed_cases(apps)
    seed_panels(apps)


@pytest.fixture
def alice(db):
    return factories.UserFactory(username="alice", roles=[StaffRole.DATA_ADMIN], is_staff=True)


@pytest.fixture
def olu(db):
    return factories.UserFactory(username="olu", roles=[StaffRole.OPCC_STAFF])


@pytest.fixture
def eve(db):
    return factories.UserFactory(username="eve")


@pytest.fixture
def panel(db):
    return factories.PanelFactory(name="Adult OoCR Scrutiny Panel")


@pytest.fixture
def chris(panel):
    membership = factories.MembershipFactory(
        panel=panel, user__username="chris", role=MembershipRole.CHAIR, agency=Agency.MAGISTRACY
    )
    return membership.user


@pytest.fixture
def mina(panel):
    return factories.MembershipFactory(panel=panel, user__username="mina", agency=Agency.CPS).user


@pytest.fixture
def pat(panel):
    membership = factories.MembershipFactory(
        panel=panel, user__username="pat", agency=Agency.POLICE, is_voting=False
    )
    return membership.user


@pytest.fixture
def lee(panel):
    return factories.ForceLiaisonFactory(force=panel.force, user__username="lee").user


@pytest.fixture
def nadia(db):
    return factories.MembershipFactory(user__username="nadia", agency=Agency.PROBATION).user


@pytest.fixture
def meeting(panel):
    return factories.MeetingFactory(panel=panel)


def pytest_configure(config):
    """The controlling process of a run on several workers starts migrating the run's
    template database (PostgreSQL) at once, while the workers start and collect the
    tests, instead of the first worker to need it doing so while the other waits."""
    if hasattr(config, "workerinput") or not config.getoption("numprocesses", None):
        return
    import threading

    from tests.servers import on_postgresql, template_name

    if on_postgresql():
        threading.Thread(target=template_name, daemon=True).start()


def pytest_sessionfinish(session):
    """The controlling process (not a pytest-xdist worker) removes the run's migrated
    template for scratch databases, once every worker has finished with it."""
    if not hasattr(session.config, "workerinput"):
        from tests.servers import drop_template

        drop_template()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist (`--dist loadgroup`), the tests of a module that share a
    module-scoped fixture (a demo built once, a server started once) run on one worker,
    so the fixture is made once rather than once per worker."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    grouped = set()
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        defs = info.name2fixturedefs.values() if info else []
        shared = item.get_closest_marker("shared_demo") or any(
            d[-1].scope == "module" for d in defs if d
        )
        if shared:
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
            grouped.add(item)
    # Workers take the work in the order collected. The long pieces (a module on one
    # worker, a browser or server test) go first and the many short tests after them,
    # so both workers finish together instead of one waiting on the last long module.
    items.sort(key=lambda item: 0 if item in grouped else 1 if _slow(item) else 2)


def _slow(item) -> bool:
    return bool(item.get_closest_marker("browser") or item.get_closest_marker("server"))
