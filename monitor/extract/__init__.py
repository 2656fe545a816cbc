"""Extract engine: who said what in a post. Plain Python: never imports Qt."""

from monitor.extract.quotes import ExtractedQuote, extract_quotes

__all__ = ["ExtractedQuote", "extract_quotes"]
