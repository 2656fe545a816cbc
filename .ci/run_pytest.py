"""Run pytest, then end the process at once with pytest's exit code.

A test suite that starts Qt thread pools, process pools and servers can leave something behind
that keeps the interpreter from exiting (a non-daemon thread joined at exit, a pool waiting for
its child): after the summary is printed there is nothing left to do, so nothing is waited for.
The summary's "left running after the tests" section (tests/conftest.py) names what was left.
"""

import os
import sys

import pytest


def main() -> None:
    """Run pytest with this command's arguments and exit with its code, waiting for nothing."""
    # As `python -m pytest` does: the working folder (the repository) first on the import path.
    sys.path.insert(0, os.getcwd())
    code = pytest.main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(int(code))


# The guard matters: a process pool started with "spawn" imports this file again in each child.
if __name__ == "__main__":
    main()
