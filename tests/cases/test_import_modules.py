"""The import engine's modules import one way only, so none needs a lazy import."""

import ast
from pathlib import Path

import pytest

IMPORTS = Path(__file__).resolve().parents[2] / "cases" / "imports"


def _imported_modules(name: str) -> set[str]:
    """Every module the file imports, anywhere in it, named from the project root."""
    tree = ast.parse((IMPORTS / f"{name}.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            prefix = "cases.imports." if node.level == 1 else "cases." if node.level == 2 else ""
            found.add(prefix + (node.module or ""))
    return found


@pytest.mark.parametrize(
    ("module", "never"),
    [
        ("xlsx", "cases.imports.readers"),
        ("base", "cases.imports.readers"),
        ("base", "cases.imports.xlsx"),
        ("columns", "cases.resources"),
    ],
)
def test_import_module_does_not_import_back(module, never):
    assert never not in _imported_modules(module)
