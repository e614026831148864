"""Shared fixtures: one small generated region, audited once per test session; the loopback-only net."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from demo_region.generate import generate_region
from tests.helpers.chromium import Chromium
from tests.helpers.loopback_only import loopback_guard
from tests.helpers.themekit import crawl_region

# No test may send a packet beyond loopback, even when the code under test is wrong
# (tests/helpers/loopback_only/loopback_guard.py): the net is installed in this process and,
# through PYTHONPATH, in every Python process a test starts. Refused attempts are written to
# REFUSED, and the test during which one was written fails.
LOOPBACK_ONLY_DIR = Path(loopback_guard.__file__).resolve().parent
REFUSED = Path(tempfile.mkdtemp(prefix="eduaudit-loopback-only-")) / "refused.log"
REFUSED.touch()
os.environ[loopback_guard.ENV] = str(REFUSED)
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(LOOPBACK_ONLY_DIR), os.environ.get("PYTHONPATH")) if p)
loopback_guard.install()

SMALL_REGION_SEED, SMALL_REGION_SCHOOLS = 6, 30

# Fixtures that crawl real loopback sites: a test that uses one is end-to-end wherever it lives.
CRAWLING_FIXTURES = ("audited_region", "crawled")


def pytest_collection_modifyitems(items):
    """`pytest -m "not e2e"` is the fast loop: unit and fixture tests, no crawl, no server.

    Modules whose every test crawls, serves or starts other programs say so themselves
    (``pytestmark = pytest.mark.e2e``); tests elsewhere that use a crawling fixture are marked here.
    """
    for item in items:
        if any(name in getattr(item, "fixturenames", ()) for name in CRAWLING_FIXTURES):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(autouse=True)
def nothing_beyond_loopback():
    """Fail the test if anything it ran tried to reach beyond loopback (and was refused)."""
    start = REFUSED.stat().st_size
    yield
    with open(REFUSED, encoding="utf-8") as log:
        log.seek(start)
        refused = log.read()
    if refused:
        pytest.fail(f"tried to reach beyond loopback (refused, nothing sent):\n{refused}", pytrace=False)


@dataclass
class AuditedRegion:
    out: Path            # results folder of the run (holds eduaudit.db)
    region: Path         # generated region (region.json, ground_truth.csv, sites/)
    registry: Path
    stdout: str
    stderr: str

    @property
    def db(self) -> Path:
        return self.out / "eduaudit.db"


@pytest.fixture(scope="session")
def audited_region(tmp_path_factory) -> AuditedRegion:
    """A 30-school region (every platform, down/5xx/redirect sites) crawled and audited via the CLI."""
    tmp = tmp_path_factory.mktemp("audited-region")
    region = generate_region(tmp / "region", seed=SMALL_REGION_SEED, n_schools=SMALL_REGION_SCHOOLS)
    proc = crawl_region(region, tmp)
    return AuditedRegion(out=tmp, region=region, registry=tmp / "registry.csv", stdout=proc.stdout,
                         stderr=proc.stderr)


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Chromium:
    """One headless Chromium per test module that renders the dashboard."""
    chromium = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()
