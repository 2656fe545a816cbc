"""A flapping server polled 10,000 times: memory stays flat and no post is stored twice.

The polls run in a child process (``_poll_soak.py``) so the heap it measures holds nothing but
the poller's own state, whatever other tests left behind in this one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("_poll_soak.py")


@pytest.mark.slow  # one of the slowest tests: runs in the second pass (make test)
def test_ten_thousand_polls_of_a_flapping_server(db_path):
    done = subprocess.run([sys.executable, str(SCRIPT), str(db_path), "10000"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["failures"] > result["polls"] // 3  # the server really flapped
    assert result["exact"], result  # every post kept, none doubled
    # 9,000 polls after warm-up may not leave more than a few hundred KB behind.
    assert result["grown"] < 512 * 1024, f"memory grew by {result['grown'] / 1024:.0f} KB"
