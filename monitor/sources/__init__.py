"""Turn bytes from files and feeds into posts. Plain Python: never imports Qt."""
