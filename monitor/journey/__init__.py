"""Journey engine. Plain Python: never imports Qt."""
