"""Every make of site of every platform family, crawled and judged against its ground truth.

Each family of the demo region has at least two makes (templates, CMS versions); the
schools' plans are the generator's own (tests/helpers/themekit.py), so every make
meets the usual variety of scenarios and places. A studio's site whose menu only a
script draws is entered through its sitemap.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from demo_region.accuracy import compare
from demo_region.platforms import THEMES
from demo_region.scenarios import PLATFORM_SHARES
from tests.helpers.themekit import crawl_region, themed_region

pytestmark = pytest.mark.e2e  # crawls loopback sites, serves or starts programs

SEED, PER_MAKE = 19, 3
MAKES = [(platform, layout) for platform, theme in THEMES.items() for layout in theme.layouts]


def test_every_family_has_two_makes_and_a_share_of_the_region():
    assert set(THEMES) == set(PLATFORM_SHARES)
    assert all(len(theme.layouts) >= 2 for theme in THEMES.values())
    assert max(PLATFORM_SHARES, key=PLATFORM_SHARES.get) == "gosweb"


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("themes")
    region = themed_region(tmp / "region", SEED, MAKES, PER_MAKE)
    crawl_region(region, tmp)
    return tmp, region, json.loads((region / "region.json").read_text(encoding="utf-8"))


def test_every_make_is_judged_as_its_ground_truth_says(audited):
    tmp, region, manifest = audited
    assert {(s["platform"], s["layout"]) for s in manifest["schools"]} == set(MAKES)
    result = compare(tmp / "eduaudit.db", region / "ground_truth.csv")
    assert result.mismatches == [] and result.share == 1.0


def test_a_menu_drawn_by_a_script_is_entered_through_the_sitemap(audited):
    tmp, region, manifest = audited
    db = sqlite3.connect(tmp / "eduaudit.db")
    studios = [s for s in manifest["schools"] if s["layout"] == "studio"]
    assert studios
    for school in studios:
        home = (region / "sites" / school["host"])
        routes = json.loads((home / "routes.json").read_text(encoding="utf-8"))["routes"]
        assert b"<a href=\"/svedeniya" not in (home / routes["/"]["file"]).read_bytes()
        assert "/sitemap.xml" in routes
        found = dict(db.execute("select role, strategy from pages where school_id = ? and role in "
                                "('documents', 'mentoring')", [school["school_id"]]).fetchall())
        if school["has_sveden"]:
            assert found["documents"] == "sitemap", school["school_id"]
        if school["mentoring_page_url"]:
            assert found["mentoring"] == "sitemap", school["school_id"]
    # the plans give the studios both sections to find
    assert any(s["has_sveden"] for s in studios) and any(s["mentoring_page_url"] for s in studios)
