"""The desktop app (PySide6, pyqtgraph). Sits on top of the core; the core never imports it."""
