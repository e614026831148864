"""The CLI starts without loading what its command does not need, and still lists every command."""

from __future__ import annotations

import subprocess
import sys


def test_the_cli_starts_without_the_extraction_stack():
    # `eduaudit crawl` fetches first and extracts after: the fetch should not wait for pandas.
    probe = "import sys, eduaudit.cli; print(sorted(m for m in ('pandas', 'bs4', 'sqlite_utils') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_every_command_is_listed_and_runs_its_help():
    listing = subprocess.run([sys.executable, "-m", "eduaudit.cli", "--help"], capture_output=True, text=True,
                             timeout=60)
    assert listing.returncode == 0, listing.stderr
    for name in ("crawl", "extract", "explain", "override", "report", "diff", "browse", "demo"):
        assert f"  {name} " in listing.stdout
    for name in ("extract", "explain", "override"):
        helped = subprocess.run([sys.executable, "-m", "eduaudit.cli", name, "--help"], capture_output=True,
                                text=True, timeout=60)
        assert helped.returncode == 0 and "Usage:" in helped.stdout, helped.stderr


def test_one_table_registers_every_command_under_its_own_name():
    import importlib

    from click.testing import CliRunner

    from eduaudit.cli import COMMANDS, main

    for name, where in COMMANDS.items():
        module, attribute = where.split(":")
        assert getattr(importlib.import_module(module), attribute).name == name
        helped = CliRunner().invoke(main, [name, "--help"])
        assert helped.exit_code == 0 and "Usage:" in helped.output, (name, helped.output)
    assert main.list_commands(None) == sorted(COMMANDS)
