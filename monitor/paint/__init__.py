"""Painting the app's panes and the reports share: the route progress bar and the charts.

Widgets that draw the situation from plain data (``monitor.model``) and nothing else: no
database, no worker, no window. The desktop app (``monitor.gui``) shows them live; the reports
(``monitor.report``) draw them offscreen. Neither of those imports the other for them.
"""
