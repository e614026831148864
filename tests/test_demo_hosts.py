"""Every demo school's host is a name a real DNS would take, as the region imitates the internet."""

from __future__ import annotations

import random
import re

import pytest

from demo_region.scenarios import host_for
from demo_region.schools import build_schools

# a label: letters, digits and inner hyphens, neither empty nor starting or ending with a hyphen
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
PLATFORMS = ("gosweb", "schoolru", "ucoz", "edusite", "wordpress", "handmade")


def valid_host(host: str) -> bool:
    return len(host) <= 253 and all(_LABEL.fullmatch(label) for label in host.split("."))


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_school_gets_a_valid_host_on_every_platform(platform):
    rng = random.Random(7)
    schools = build_schools(seed=66, n_schools=3400)
    # the shapes that once lost their name: a town's unnumbered gymnasium, a village school
    assert any(s.slug.startswith("gimn-") for s in schools) and any(s.slug.startswith("sh-") for s in schools)
    bad = [(s.slug, host) for s in schools if not valid_host(host := host_for(s, platform, rng))]
    assert bad == []
