"""No address reserved for outside acceptance (../shared/heldout) appears anywhere in the project.

Those documents judge the classifier from outside; one of them in a fixture, a corpus text, a doc
or a model's training data would make that judgement worthless.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "heldout" / "is_heldout.py"
_URL = re.compile(r"https?://[^\s\"'<>()\[\]{}«»|`\\]+", re.IGNORECASE)
_TEXT_SUFFIXES = {".py", ".md", ".txt", ".csv", ".json", ".jsonl", ".html", ".htm", ".xml", ".toml", ".cfg",
                  ".ipynb", ".yml", ".yaml"}


def project_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in listed.decode("utf-8").split("\0")
            if name and Path(name).suffix.lower() in _TEXT_SUFFIXES]


def test_no_reserved_address_in_the_project():
    assert CHECKER.exists(), f"the reserved list is expected beside the checkout: {CHECKER}"
    urls: set[str] = set()
    for path in project_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        urls.update(url.rstrip(".,;:") for url in _URL.findall(text))
    assert len(urls) > 50, "the scan should see the project's many example and source addresses"
    checked = subprocess.run([sys.executable, str(CHECKER)], input="\n".join(sorted(urls)), capture_output=True,
                             text=True, timeout=120)
    assert checked.returncode in (0, 1), checked.stderr
    assert checked.stdout.strip() == "", f"reserved addresses in the project:\n{checked.stdout}"
