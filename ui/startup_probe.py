"""A launch-time probe for benchmarks and CI: ``FRONTLINE_ATLAS_FIRST_PAINT_PROBE=1``.

With the variable set, the app prints ``first-paint <unix time>`` on stdout when its main
window is painted for the first time, then closes the window as a user would. It is how
``benchmarks/bench_bundle.py`` times launch → first paint of the built executable, where no
Python can be injected. Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PROBE_ENV = "FRONTLINE_ATLAS_FIRST_PAINT_PROBE"


class _FirstPaintProbe(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.time():.6f}", flush=True)
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._window.close)
        return False


def install_probe(window: QWidget) -> None:
    """Watch ``window``'s first paint when :data:`PROBE_ENV` is set."""
    if os.environ.get(PROBE_ENV):
        window.installEventFilter(_FirstPaintProbe(window))
