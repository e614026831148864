"""`eduaudit demo` without the extra `demo`: one line saying how to install it, no traceback.

The demo region (and fpdf2, aiohttp… that only it needs) is the extra `demo`. An auditor
installed without it is imitated by a `sys.modules[name] = None` shim, which makes every
import of `name` fail with ModuleNotFoundError, as a missing package does.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

RUN_CLI = ("import sys; sys.modules[{name!r}] = None; from eduaudit.cli import main; "
           "sys.argv = ['eduaudit'] + sys.argv[1:]; main()")


@pytest.mark.parametrize("missing", ["demo_region", "fpdf", "aiohttp"])
def test_demo_without_the_extra_says_how_to_install_it(tmp_path, missing):
    out = subprocess.run(
        [sys.executable, "-c", RUN_CLI.format(name=missing), "demo", "--schools", "3",
         "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")],
        capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr, out.stderr
    assert f"демо-регион не установлен (нет модуля {missing})" in out.stderr, out.stderr
    assert "pip install -e '.[demo]'" in out.stderr and "make demo" in out.stderr, out.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "cache").exists()
