"""The map items that draw the regions, their labels, the selected region's vertex handles and
the shape being drawn. They live in the map's view box (display metres) and follow a
:class:`~viewmodels.regions_viewmodel.RegionsViewModel`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsPathItem

from geo.units import format_km2
from ui.bind import Bindings

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QGraphicsItem

    from viewmodels.regions_viewmodel import RegionState, RegionsViewModel

Z_REGIONS = 500.0
FILL_ALPHA = 45


def _path(xy: Sequence[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in xy]))
    path.closeSubpath()
    return path


class RegionsOverlay:
    """Every region item in one map, bound to the viewmodel; ``close()`` unbinds.

    Parameters
    ----------
    vm : RegionsViewModel
        The regions to draw.
    add_item : callable
        Adds a graphics item to the map (``MapView.add_overlay_item`` or ``ViewBox.addItem``).
    remove_item : callable
        Removes one again (``ViewBox.removeItem``).
    """

    def __init__(
        self,
        vm: RegionsViewModel,
        add_item: Callable[[QGraphicsItem], None],
        remove_item: Callable[[QGraphicsItem], None],
    ) -> None:
        self._vm, self._add, self._remove = vm, add_item, remove_item
        self._shapes: dict[int, QGraphicsPathItem] = {}
        self._labels: dict[int, pg.TextItem] = {}
        self.handles = pg.ScatterPlotItem(
            size=9, symbol="s", pen=pg.mkPen("k", width=1), brush=pg.mkBrush("w"), pxMode=True
        )
        self.preview = pg.PlotCurveItem(pen=pg.mkPen("k", width=2, style=Qt.PenStyle.DashLine))
        for z, item in ((Z_REGIONS + 3, self.handles), (Z_REGIONS + 2, self.preview)):
            item.setZValue(z)
            self._add(item)
        self._bindings = Bindings()
        bind = self._bindings.connect
        bind(vm.sig_regions_changed, self._on_vm_regions_changed)
        bind(vm.sig_region_changed, self._on_vm_region_changed)
        bind(vm.sig_selection_changed, self._on_vm_selection_changed)
        bind(vm.sig_stats_changed, self._on_vm_stats_changed)
        self._on_vm_regions_changed()

    def close(self) -> None:
        """Disconnect from the viewmodel and take every item off the map."""
        self._bindings.unbind()
        for region_id in list(self._shapes):
            self._drop(region_id)
        self._remove(self.handles)
        self._remove(self.preview)

    def shape_item(self, region_id: int) -> QGraphicsPathItem:
        return self._shapes[region_id]

    def label_item(self, region_id: int) -> pg.TextItem:
        return self._labels[region_id]

    def set_preview(self, xy: Sequence[tuple[float, float]] | None, closed: bool = False) -> None:
        """Show the outline being drawn (``None`` hides it)."""
        if not xy:
            self.preview.setData([], [])
            return
        points = np.asarray([*xy, xy[0]] if closed else list(xy), dtype=float)
        self.preview.setData(points[:, 0], points[:, 1])

    def _on_vm_regions_changed(self) -> None:
        live = {s.id for s in self._vm.regions()}
        for region_id in set(self._shapes) - live:
            self._drop(region_id)
        for order, state in enumerate(self._vm.regions()):
            if state.id not in self._shapes:
                self._create(state)
            self._shapes[state.id].setZValue(Z_REGIONS + order * 1e-3)
            self._update(state)
        self._on_vm_selection_changed()

    def _on_vm_region_changed(self, region_id: int) -> None:
        self._update(self._vm.region(region_id))
        if region_id == self._vm.selected():
            self._on_vm_selection_changed()

    def _on_vm_selection_changed(self) -> None:
        selected = self._vm.selected()
        for state in self._vm.regions():
            self._style(state)
        if selected is None or not self._vm.region(selected).visible:
            self.handles.setData([], [])
            self.handles.setVisible(False)  # an empty scatter still costs ~0.5 ms a repaint
            return
        xy = np.asarray(self._vm.region(selected).xy)
        brushes = [pg.mkBrush("w")] * len(xy)
        vertex = self._vm.selected_vertex()
        if vertex is not None and vertex < len(xy):
            brushes[vertex] = pg.mkBrush("#ffd400")
        self.handles.setData(xy[:, 0], xy[:, 1], brush=brushes)
        self.handles.setVisible(True)

    def _on_vm_stats_changed(self) -> None:
        for state in self._vm.regions():
            self._label(state)

    def _create(self, state: RegionState) -> None:
        shape = QGraphicsPathItem()
        label = pg.TextItem(anchor=(0.5, 1.0))  # above the region: towns inside stay readable
        label.setZValue(Z_REGIONS + 1)
        self._shapes[state.id], self._labels[state.id] = shape, label
        self._add(shape)
        self._add(label)

    def _drop(self, region_id: int) -> None:
        self._remove(self._shapes.pop(region_id))
        self._remove(self._labels.pop(region_id))

    def _update(self, state: RegionState) -> None:
        shape = self._shapes[state.id]
        shape.setPath(_path(state.xy))
        shape.setVisible(state.visible)
        self._style(state)
        self._label(state)

    def _style(self, state: RegionState) -> None:
        color = QColor(state.color)
        pen = QPen(color, 3.5 if state.id == self._vm.selected() else 2.0)
        pen.setCosmetic(True)
        fill = QColor(color)
        fill.setAlpha(FILL_ALPHA)
        self._shapes[state.id].setPen(pen)
        self._shapes[state.id].setBrush(QBrush(fill))

    def _label(self, state: RegionState) -> None:
        label = self._labels[state.id]
        stats = self._vm.stats(state.id)
        lines = [f"<b>{state.name}</b>"]
        if stats is not None:
            lines.append(f"net {format_km2(stats.net_km2, signed=True)}")
        label.setHtml(
            f"<div style='color:{state.color}; background:rgba(255,255,255,200); "
            f"text-align:center'>{'<br>'.join(lines)}</div>"
        )
        x0, _y0, x1, y1 = shapely.Polygon(state.xy).bounds
        label.setPos((x0 + x1) / 2, y1)
        label.setVisible(state.visible)
