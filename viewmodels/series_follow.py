"""A renamed series keeps its place, its style and the timeline's selection.

The dataset viewmodel regroups the catalog in the worker after a rename, and the layer list and
the timeline would otherwise meet the new name as a stranger: a new colour on top of the list,
and the timeline jumping to the largest series. :class:`SeriesFollower` hands the old name's
layer to the new name at once, and selects the new name on the timeline when the regrouped
catalog arrives, if the old one was selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from viewmodels.dataset_viewmodel import DatasetViewModel
    from viewmodels.layers_viewmodel import LayersViewModel
    from viewmodels.timeline_viewmodel import TimelineViewModel


class SeriesFollower(QObject):
    """Carries layer style and timeline selection from a series' old name to its new one."""

    def __init__(
        self,
        dataset: DatasetViewModel,
        layers: LayersViewModel,
        timeline: TimelineViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._layers, self._timeline = layers, timeline
        self._select = ""
        dataset.sig_series_renamed.connect(self._on_dataset_series_renamed)
        dataset.sig_catalog_changed.connect(self._on_dataset_catalog_changed)

    @Slot(str, str)
    def _on_dataset_series_renamed(self, old: str, new: str) -> None:
        self._layers.rename_series_layer(old, new)
        if self._timeline.series() == old:
            self._select = new

    @Slot()
    def _on_dataset_catalog_changed(self) -> None:
        name, self._select = self._select, ""
        if name and name in self._timeline.series_names():
            self._timeline.set_series(name)
