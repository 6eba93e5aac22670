"""Widgets, the map canvas, dialogs, printing and the command line: the only layer with widgets."""

from ui import lazy_qt_mirror

lazy_qt_mirror.install()  # before anything imports pyqtgraph: see the module's docstring
