"""Printing and exporting map pages: one renderer for PDF, SVG, PNG, the printer and time-lapses.

``render_page(painter, page)`` / :class:`PageRenderer` paint a :class:`geo.page.Page` on any
paint device (:mod:`ui.printing.render`); :mod:`ui.printing.devices` writes files and prints.
"""
