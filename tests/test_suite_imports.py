"""The suite's own shape: test modules never import each other.

A test module that imports another one runs that module's top level (and drags its
fixtures into its own namespace), so a change to one test file breaks another, and
the order of collection starts to matter. What is shared lives in ``tests/helpers/``
(plain functions and data) or in ``tests/conftest.py`` (fixtures). Every ``.py`` file
under tests/ is parsed with :mod:`ast`; imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# Files directly in tests/ that are not test modules.
PLUMBING = {"__init__.py", "conftest.py"}


def module_name(path: Path, root: Path) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def imported_modules(path: Path, root: Path) -> list[tuple[str, int]]:
    """Every module `path` imports, absolute, with its line; ``from x import y`` also yields ``x.y``."""
    package = module_name(path, root).rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            found.append((base, node.lineno))
            found += [(f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def is_test_module(name: str) -> bool:
    """``tests.test_x``, ``tests.conftest`` or a bare ``test_x`` (tests/ on sys.path)."""
    parts = name.split(".")
    if parts[0] == "tests" and len(parts) > 1:
        return parts[1].startswith("test_") or parts[1] == "conftest"
    return parts[0].startswith("test_") or parts[0] == "conftest"


def cross_test_imports(paths, root: Path = ROOT) -> list[str]:
    """One entry per import statement that reaches a test module: ``path:line imports name``."""
    found = {}
    for path in paths:
        for name, line in imported_modules(path, root):
            if is_test_module(name):
                found.setdefault((str(path.relative_to(root)), line), name)
    return [f"{path}:{line} imports {name}" for (path, line), name in sorted(found.items())]


def test_no_test_module_imports_another_test_module():
    paths = sorted(TESTS.rglob("*.py"))
    assert len(paths) > 50
    assert cross_test_imports(paths) == []


def test_helpers_live_in_tests_helpers():
    strays = [path.name for path in TESTS.glob("*.py") if path.name not in PLUMBING and not path.name.startswith("test_")]
    assert strays == []
    assert not [path for path in (TESTS / "helpers").glob("test_*.py")]


def test_the_check_sees_every_form_of_import(tmp_path):
    # The check is only as good as its parser: each spelling of a cross-test import is caught,
    # and imports of helpers or of the product are not.
    tests_dir = tmp_path / "tests"
    (tests_dir / "helpers").mkdir(parents=True)
    sample = tests_dir / "test_sample.py"
    sample.write_text("import tests.test_other\n"
                      "from tests.test_other import helper\n"
                      "from tests import test_other\n"
                      "from . import test_other\n"
                      "from .test_other import helper\n"
                      "from tests.conftest import fixture\n"
                      "def later():\n    from tests.test_other import helper\n"
                      "from tests.helpers.sitekit import LoopbackSites\n"
                      "from tests import helpers\n"
                      "from crawler import settings\n")
    found = cross_test_imports([sample], root=tmp_path)
    assert [entry.split(":")[1].split()[0] for entry in found] == ["1", "2", "3", "4", "5", "6", "8"]
