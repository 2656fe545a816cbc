"""Errors a source can raise; each names the input and the problem."""

from __future__ import annotations


class SourceError(Exception):
    """An input could not be read. ``where`` names the file or URL, ``problem`` says why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")
        self.where = where
        self.problem = problem


class NotRecognisedError(SourceError):
    """No format recognises the input's content (binary, or text that is no live page, feed or
    post list). A folder ingest skips such a file and names it, rather than failing on it."""
