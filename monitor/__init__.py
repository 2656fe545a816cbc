"""Situation Monitor: follow a developing story from live pages and feeds."""

__version__ = "0.1.0"
