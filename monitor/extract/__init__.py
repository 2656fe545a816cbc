"""Extract engine. Plain Python: never imports Qt."""
