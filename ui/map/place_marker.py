"""The place found by the search, marked on the map until another is chosen or search cleared."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QObject

from geo.projection import to_display

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QGraphicsItem

    from viewmodels.search_viewmodel import PlaceResult, SearchViewModel

COLOR = "#0057b7"
Z_MARKER = 800.0


class PlaceMarker(QObject):
    """A ring at the chosen place and its name beside it, bound to a :class:`SearchViewModel`.

    A child of the viewmodel, so it lives as long as the viewmodel does.

    Parameters
    ----------
    vm : SearchViewModel
        Holds the marked place.
    add_item, remove_item : callable
        ``MapView.add_overlay_item`` and ``ViewBox.removeItem``.
    """

    def __init__(
        self,
        vm: SearchViewModel,
        add_item: Callable[[QGraphicsItem], None],
        remove_item: Callable[[QGraphicsItem], None],
    ) -> None:
        super().__init__(vm)
        self._vm, self._remove = vm, remove_item
        self.ring = pg.ScatterPlotItem(
            size=22, symbol="o", pen=pg.mkPen(COLOR, width=3), brush=pg.mkBrush(0, 87, 183, 50)
        )
        self.label = pg.TextItem(anchor=(0.5, 1.45))  # above the ring, clear of the map label
        for offset, item in enumerate((self.ring, self.label)):
            item.setZValue(Z_MARKER + offset)
            add_item(item)
        vm.sig_marked_changed.connect(self._on_vm_marked_changed)
        self._on_vm_marked_changed(vm.marked())

    def close(self) -> None:
        self._vm.sig_marked_changed.disconnect(self._on_vm_marked_changed)
        self._remove(self.ring)
        self._remove(self.label)

    def _on_vm_marked_changed(self, place: PlaceResult | None) -> None:
        if place is None:
            self.ring.setData([], [])
            self.ring.setVisible(False)  # an empty scatter still costs ~0.5 ms a repaint
            self.label.setVisible(False)
            return
        x, y = to_display(np.array([place.lon]), np.array([place.lat]))
        self.ring.setData(x, y)
        self.ring.setVisible(True)
        self.label.setHtml(
            f"<div style='color:{COLOR}; background:rgba(255,255,255,220); "
            f"font-weight:bold; font-size:11pt'>&nbsp;{html.escape(place.name)}&nbsp;</div>"
        )
        self.label.setPos(float(x[0]), float(y[0]))
        self.label.setVisible(True)
