"""Views never run a bare `Model.objects…` query (house rule 3).

A view reads through a selector, a service or a scoped queryset
(`Model.objects.for_user(user)`), so what a user may see is decided in one
place. This walks every views module of our apps, at any depth: a module named
`views.py` or `*_views.py`, every module of a `views` package, and the public
site's `public.py`. It lists each other use of a model manager as `path:line`.
Exit status 1 when it finds any.

An exception goes in ALLOWED with the reason it is safe; keep that list short.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["core", "cases", "panels", "accountability", "reports", "scrutiny"]

# "path relative to the repository:Model" → why a bare manager is safe there.
ALLOWED: dict[str, str] = {}


def is_view_module(path: Path) -> bool:
    return path.name.endswith("views.py") or path.parent.name == "views" or path.name == "public.py"


def view_modules(root: Path) -> list[Path]:
    found = []
    for app in APPS:
        modules = (root / app).rglob("*.py")
        found += sorted(p for p in modules if "migrations" not in p.parts and is_view_module(p))
    return found


def bare_manager_uses(source: str) -> list[tuple[int, str]]:
    """(line, model) for each `Model.objects` not directly scoped with `.for_user(…)`."""
    tree = ast.parse(source)
    scoped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "for_user":
            scoped.add(id(node.value))
    hits = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and id(node) not in scoped
        ):
            hits.append((node.lineno, node.value.id))
    return sorted(hits)


def check(root: Path = ROOT, files: list[Path] | None = None) -> list[str]:
    problems = []
    for path in files if files is not None else view_modules(root):
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        for line, model in bare_manager_uses(path.read_text(encoding="utf-8")):
            if f"{shown}:{model}" not in ALLOWED:
                problems.append(
                    f"{shown}:{line}: {model}.objects in a view; "
                    "use a selector or Model.objects.for_user(user)"
                )
    return problems


def main(argv: list[str]) -> int:
    files = [Path(a).resolve() for a in argv] or None
    problems = check(files=files)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
