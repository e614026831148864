"""The import layers of docs/ARCHITECTURE.md, checked on the source.

Every ``.py`` file of the product's packages is parsed with :mod:`ast`; every
``import`` and ``from … import`` counts, at the top of a module or inside a
function, a method or an ``if TYPE_CHECKING`` block. A module may import
modules of its own layer and of the layers below it, never one above, and no
chain of imports may lead back to where it started. Imports made from strings
at run time (rule discovery in ``audit_rules.all_rules``, the CLI's lazy
commands) are not seen.

The demo region (``demo_region/``, the extra ``demo``) stays out of the layers:
of the product only the command line may import it, and it imports from the
product only the plain facts of ``DEMO_REGION_MAY_IMPORT``, never the crawler,
the rules or the stages that read what it generates. The product imports none
of the packages only the demo region needs (``demo_region.DEPENDENCIES``), and
the demo region has no import cycles either.
"""

from __future__ import annotations

import ast
import fnmatch
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("eduaudit", "crawler", "audit_rules")
DEMO_REGION = "demo_region"
# What the demo region may import from the product (itself or inside): facts of the world it
# imitates, which the auditor also knows. Nothing that reads or judges a site.
DEMO_REGION_MAY_IMPORT = ("eduaudit.municipalities", "eduaudit.org_kinds")

# Lowest first. A module belongs to the one layer one of whose patterns (fnmatch: «*» also
# matches dots) it matches; a module that matches none, or two, fails the test, so a new
# module is placed on purpose.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # What every other layer uses: errors, the results database, the registry, helpers of
    # processes and commands, and the facts the crawler and the rules share.
    ("base", ("eduaudit", "eduaudit.errors", "eduaudit.store", "eduaudit.childproc", "eduaudit.runlock",
              "eduaudit.cli_common", "eduaudit.locate", "eduaudit.org_kinds", "eduaudit.municipalities",
              "eduaudit.registry", "eduaudit.registry_*", "eduaudit.sitefacts", "eduaudit.sitefacts.*")),
    ("crawler", ("crawler", "crawler.*")),
    ("extraction", ("eduaudit.extraction", "eduaudit.extraction.*")),
    ("rules", ("audit_rules", "audit_rules.*")),
    # One run from a registry: crawl, extract, classify, judge; overrides; scheduled re-runs.
    ("stages", ("eduaudit.stages", "eduaudit.crawl_process", "eduaudit.crawl_shards", "eduaudit.crawl_extraction",
                "eduaudit.audit_run", "eduaudit.extract_command", "eduaudit.overrides", "eduaudit.overrides.*",
                "eduaudit.schedule")),
    # What a run's results become: reports, diffs, WARC, Datasette, explain.
    ("reports", ("eduaudit.reports", "eduaudit.reports.*", "eduaudit.diff", "eduaudit.warc", "eduaudit.browse",
                 "eduaudit.explain")),
    ("cli", ("eduaudit.cli",)),
)

# Upward imports that can only be removed in files being changed by someone else right
# now; each entry is (importer, imported, why). An entry that no longer occurs fails the
# test, so the list only shrinks.
KNOWN_DEBTS: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True)
class Edge:
    importer: str
    imported: str
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer} -> {self.imported} ({self.path}:{self.line})"


def module_files(root: Path, packages=PACKAGES) -> dict[str, Path]:
    """Dotted module name → file, for every module of ``packages`` under ``root``."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _known(name: str, modules, extra: str) -> str | None:
    """The module ``name`` is, or is inside of; None for a module outside the scanned packages."""
    while name:
        if name in modules or name == extra:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(name: str, path: Path, modules, root: Path, extra: str = DEMO_REGION) -> list[Edge]:
    """The scanned modules (and ``extra``) that module ``name`` imports, wherever the import stands."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    where = str(path.relative_to(root))
    edges = []
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # «from eduaudit import stages» imports the module eduaudit.stages
            targets = [f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source
                       for alias in node.names]
        for target in targets:
            known = _known(target, modules, extra)
            edge = Edge(name, known, where, node.lineno)
            if known and known != name and edge not in edges:
                edges.append(edge)
    return edges


def import_graph(root: Path = ROOT, packages=PACKAGES) -> list[Edge]:
    modules = module_files(root, packages)
    return [edge for name, path in modules.items() for edge in imports_of(name, path, modules, root)]


def imports_into(targets, root: Path = ROOT, packages=PACKAGES) -> list[Edge]:
    """Imports, by the modules of ``packages``, of the modules or packages named in ``targets``."""
    wanted = dict.fromkeys(targets)
    return [edge for name, path in module_files(root, packages).items()
            for edge in imports_of(name, path, wanted, root, extra="")]


def demo_region_trespasses(root: Path = ROOT, allowed=DEMO_REGION_MAY_IMPORT) -> list[Edge]:
    """Imports of the product by the demo region, but for the modules in ``allowed``."""
    return [edge for edge in imports_into(module_files(root), root, packages=(DEMO_REGION,))
            if edge.imported not in allowed]


def layer_of(module: str, layers=LAYERS) -> int:
    matches = [i for i, (_, patterns) in enumerate(layers)
               if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns)]
    assert len(matches) == 1, (f"{module} belongs to {len(matches)} layers of LAYERS "
                               f"({[layers[i][0] for i in matches]}); place it in exactly one")
    return matches[0]


def upward_imports(edges: list[Edge], layers=LAYERS) -> list[Edge]:
    """Imports of a higher layer, and of the demo region from anywhere but the command line."""
    top = len(layers) - 1
    found = []
    for edge in edges:
        importer = layer_of(edge.importer, layers)
        if edge.imported == DEMO_REGION:
            if importer != top:
                found.append(edge)
        elif layer_of(edge.imported, layers) > importer:
            found.append(edge)
    return found


def import_cycles(edges: list[Edge]) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others (Tarjan's algorithm)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, set()).add(edge.imported)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ())):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


# -- the product ---------------------------------------------------------------


def test_every_module_has_exactly_one_layer():
    for module in module_files(ROOT):
        layer_of(module)


def test_no_module_imports_a_higher_layer():
    debts = {(importer, imported) for importer, imported, _ in KNOWN_DEBTS}
    upward = [edge for edge in upward_imports(import_graph()) if (edge.importer, edge.imported) not in debts]
    assert not upward, "imports of a higher layer (docs/ARCHITECTURE.md):\n" + "\n".join(map(str, upward))


def test_every_known_debt_still_occurs():
    upward = {(edge.importer, edge.imported) for edge in upward_imports(import_graph())}
    paid = [(importer, imported) for importer, imported, _ in KNOWN_DEBTS if (importer, imported) not in upward]
    assert not paid, f"no longer imported upward, remove from KNOWN_DEBTS: {paid}"


def test_no_import_cycles():
    for packages in (PACKAGES, (DEMO_REGION,)):
        edges = import_graph(packages=packages)
        cycles = import_cycles(edges)
        detail = [str(edge) for edge in edges
                  if any(edge.importer in group and edge.imported in group for group in cycles)]
        assert not cycles, "modules that import each other:\n" + "\n".join(detail)


def test_the_demo_region_knows_nothing_of_the_crawler_the_rules_or_the_stages():
    found = demo_region_trespasses()
    assert not found, (f"the demo region may import only {DEMO_REGION_MAY_IMPORT} of the product "
                       "(docs/ARCHITECTURE.md):\n" + "\n".join(map(str, found)))


def test_the_product_needs_none_of_the_demo_extras_packages():
    from demo_region import DEPENDENCIES

    found = imports_into(DEPENDENCIES)
    assert not found, ("imports of the extra «demo»'s packages; an auditor installed without it "
                       "would fail:\n" + "\n".join(map(str, found)))


# -- the check itself ------------------------------------------------------------------


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


TOY_LAYERS = (("low", ("low", "low.*")), ("high", ("high", "high.*")))


def test_the_check_sees_imports_inside_functions_relative_imports_and_cycles(tmp_path):
    _write(tmp_path, {
        "low/__init__.py": "",
        "low/a.py": "from . import b\n\ndef f():\n    from high.top import run\n    return run\n",
        "low/b.py": "import low.c\n",
        "low/c.py": "from low.a import f\n",
        "high/__init__.py": "",
        "high/top.py": "from low import a\nimport os\n\ndef run():\n    from demo_region import x\n",
    })
    edges = import_graph(tmp_path, packages=("low", "high"))
    assert {(e.importer, e.imported) for e in edges} == {
        ("low.a", "low.b"), ("low.a", "high.top"), ("low.b", "low.c"), ("low.c", "low.a"),
        ("high.top", "low.a"), ("high.top", DEMO_REGION)}
    assert [(e.importer, e.imported, e.line) for e in upward_imports(edges, TOY_LAYERS)] == [
        ("low.a", "high.top", 4)]
    assert import_cycles(edges) == [["high.top", "low.a", "low.b", "low.c"]]


def test_the_check_refuses_the_demo_region_below_the_command_line(tmp_path):
    _write(tmp_path, {
        "low/__init__.py": "import demo_region.server\n",
        "high/__init__.py": "from demo_region import generate\n",
        "demo_region/__init__.py": "",
        "demo_region/generate.py": "import low\n",
        "demo_region/server.py": "",
    })
    edges = import_graph(tmp_path, packages=("low", "high"))
    assert [(e.importer, e.imported) for e in upward_imports(edges, TOY_LAYERS)] == [("low", DEMO_REGION)]


def test_the_check_refuses_the_demo_region_what_reads_or_judges_a_site(tmp_path):
    _write(tmp_path, {
        "eduaudit/__init__.py": "",
        "eduaudit/municipalities.py": "",
        "eduaudit/stages.py": "",
        "crawler/__init__.py": "",
        "crawler/diagnosis.py": "",
        "audit_rules/__init__.py": "",
        "demo_region/__init__.py": "from . import faults\n",
        "demo_region/schools.py": "from eduaudit import municipalities\nimport eduaudit.stages\n",
        "demo_region/faults.py": "import json\n\ndef cases():\n    from crawler import diagnosis as d\n",
        "demo_region/texts/__init__.py": "from ..schools import x\nimport audit_rules\n",
    })
    assert sorted((e.importer, e.imported, e.line) for e in demo_region_trespasses(tmp_path)) == [
        ("demo_region.faults", "crawler.diagnosis", 4), ("demo_region.schools", "eduaudit.stages", 2),
        ("demo_region.texts", "audit_rules", 2)]
    assert [e.imported for e in imports_into(["json"], tmp_path, packages=(DEMO_REGION,))] == ["json"]
