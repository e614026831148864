"""What every worker process we start does first: die when its parent dies."""

from __future__ import annotations

import ctypes
import signal

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies.

    A parent killed outright (SIGKILL, the OOM killer) runs no cleanup of its own, and a crawl
    shard or an extraction worker left behind would go on working for nobody. Elsewhere than
    Linux this is a no-op.
    """
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
