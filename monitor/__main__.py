"""Allow ``python -m monitor`` (and the ``monitor`` script)."""

from __future__ import annotations

import sys


def main() -> None:
    """Run ``monitor``. ``monitor extract`` is run without loading the other commands, which
    import the store, the HTTP client and numpy that it never uses (start-up time)."""
    if sys.argv[1:2] == ["extract"]:
        from monitor.extract_command import extract

        extract.main(args=sys.argv[2:], prog_name="monitor extract")
        return
    from monitor.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
