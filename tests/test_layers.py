"""The layering and view rules that `make test` enforces, shown to bite."""

import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _lint():
    spec = importlib.util.spec_from_file_location(
        "lint_views", ROOT / "scripts" / "lint_model_usage_in_views.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_views_lint_flags_a_bare_manager_query(tmp_path):
    view = tmp_path / "views.py"
    view.write_text("def show(request, pk):\n    return Case.objects.get(pk=pk)\n")

    assert _lint().check(root=ROOT, files=[view]) == [
        f"{view}:2: Case.objects in a view; use a selector or Model.objects.for_user(user)"
    ]


def test_views_lint_accepts_a_scoped_queryset(tmp_path):
    view = tmp_path / "views.py"
    view.write_text("def show(request, pk):\n    return Case.objects.for_user(request.user)\n")

    assert _lint().check(root=ROOT, files=[view]) == []


def test_views_lint_reads_every_kind_of_views_module(tmp_path):
    """`views.py`, `*_views.py` and every module of a `views` package, at any depth."""
    for name in ["views.py", "audit_views.py", "views/papers.py", "rating/views/papers.py"]:
        (tmp_path / "panels" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "panels" / name).write_text("x = 1\n")
    (tmp_path / "panels" / "selectors.py").write_text("x = 1\n")
    (tmp_path / "panels" / "migrations").mkdir()
    (tmp_path / "panels" / "migrations" / "0001_views.py").write_text("x = 1\n")

    found = [str(p.relative_to(tmp_path)) for p in _lint().view_modules(tmp_path)]

    assert found == [
        "panels/audit_views.py",
        "panels/rating/views/papers.py",
        "panels/views/papers.py",
        "panels/views.py",
    ]


def test_views_lint_passes_on_the_real_views():
    assert _lint().check() == []


def test_import_contracts_fail_on_a_back_arrow(tmp_path):
    """A module of `cases` importing `panels` breaks the layers, so lint-imports exits 1."""
    back_arrow = ROOT / "cases" / "_back_arrow_probe.py"
    back_arrow.write_text("import panels.models  # noqa: F401\n")
    try:
        result = subprocess.run(  # noqa: S603 (fixed arguments, our own tool)
            [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        back_arrow.unlink()
    assert result.returncode == 1
    assert "cases._back_arrow_probe -> panels.models" in result.stdout


def _permission_asked_of_a_user(source: str) -> list[int]:
    """Lines calling `<anything but rules>.has_perm(…)`: Django's `user.has_perm`, which
    says yes to every superuser."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "has_perm"
        and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "rules")
    ]


def test_permissions_are_asked_of_the_rule_set_never_of_the_user():
    """A superuser is no exception to any rule (a blind rating, an export before the
    reveal): pages, services, selectors and the admin ask `core.permissions.by_rule`."""
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in ["core", "cases", "panels", "accountability", "reports", "scrutiny"]
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for line in _permission_asked_of_a_user(path.read_text())
    ]

    assert found == []


def test_the_permission_check_finds_a_user_has_perm():
    """…so its silence above means something."""
    source = "def view(request):\n    return request.user.has_perm('panels.view_meeting')\n"

    assert _permission_asked_of_a_user(source) == [2]


def test_no_module_of_ours_is_over_400_lines():
    """A module past about 400 lines becomes a package (docs/adr/0013): migrations and the
    demo's data are left out, being generated or data."""
    long = []
    for app in [
        "core",
        "cases",
        "panels",
        "accountability",
        "reports",
        "scrutiny",
        "bench",
        "scripts",
    ]:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts or "demo" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > 400:
                long.append(f"{path.relative_to(ROOT)}: {lines} lines")
    assert long == []
