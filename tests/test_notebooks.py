"""The analysts' notebooks execute (nbclient) against the audited region's database."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from eduaudit.locate import PROJECT_ROOT, results_database
from tests.helpers.rundb import clone_run, copy_db

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@pytest.fixture(scope="module")
def two_run_db(audited_region, tmp_path_factory):
    """The audited run and a second one, so the trend notebook has something to compare."""
    store = copy_db(audited_region.db, tmp_path_factory.mktemp("notebooks") / "eduaudit.db")
    clone_run(store, store.latest_run())
    return store


@pytest.mark.parametrize("name", ["overview", "municipality", "trend"])
def test_notebook_executes(name, two_run_db, monkeypatch, tmp_path):
    monkeypatch.setenv("EDUAUDIT_DB", str(two_run_db.path))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    # From notebooks/, as Jupyter starts them (and as CI does).
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    schools = two_run_db.db.execute("select count(*) from schools where run_id = ? and kind != 'municipality'",
                                    [two_run_db.latest_run()]).fetchone()[0]
    assert f"запуск {two_run_db.latest_run()}, школ: {schools}" in text
    if name == "trend":
        assert "Изменений: 0" in text  # the second run is a copy of the first
    if name == "overview":
        assert any("image/png" in o.get("data", {}) for o in outputs), "the overview draws a chart"


def test_database_found_from_any_folder(tmp_path, monkeypatch):
    """No EDUAUDIT_DB: the project's results/ (the crawl's database first, then the demo's), not the cwd's."""
    monkeypatch.delenv("EDUAUDIT_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "project"
    with pytest.raises(FileNotFoundError, match="EDUAUDIT_DB"):
        results_database(root)
    demo = root / "results" / "demo" / "eduaudit.db"
    demo.parent.mkdir(parents=True)
    demo.write_bytes(b"")
    assert results_database(root) == demo
    crawl = root / "results" / "eduaudit.db"
    crawl.write_bytes(b"")
    assert results_database(root) == crawl
    assert PROJECT_ROOT == NOTEBOOKS.parent
    monkeypatch.setenv("EDUAUDIT_DB", "rel.db")
    assert results_database(root) == tmp_path / "rel.db"
