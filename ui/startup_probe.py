"""A launch-time probe for benchmarks and CI: ``FRONTLINE_ATLAS_FIRST_PAINT_PROBE=1``.

With the variable set, the app prints ``first-paint <unix time>`` on stdout as soon as its
map has been painted for the first time (the time of that paint event, printed on the next
turn of the event loop), then closes the window as a user would. It is how
``benchmarks/bench_bundle.py`` times launch → first paint of the built executable, where no
Python can be injected. Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING

from ui.first_paint import call_after_first_paint

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

PROBE_ENV = "FRONTLINE_ATLAS_FIRST_PAINT_PROBE"


def install_probe(window: QWidget, painted: QWidget | None = None) -> None:
    """Report the first paint of ``painted`` (the map canvas; default ``window``) and close
    ``window``, when :data:`PROBE_ENV` is set."""
    if not os.environ.get(PROBE_ENV):
        return

    def on_painted() -> None:
        print(f"first-paint {watch.painted_at or time.time():.6f}", flush=True)
        window.close()

    watch = call_after_first_paint(painted or window, on_painted)
