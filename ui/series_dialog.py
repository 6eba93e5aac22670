"""The dialogs of the series entry points: a name, or which files of a series to move where."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from geo.series_choices import Member


def ask_series_name(
    parent: QWidget | None, title: str, label: str, initial: str, choices: Sequence[str] = ()
) -> str | None:
    """A series name typed or picked from ``choices``; None when cancelled or left empty."""
    if choices:
        text, ok = QInputDialog.getItem(parent, title, label, [initial, *choices], 0, True)
    else:
        text, ok = QInputDialog.getText(parent, title, label, text=initial)
    name = " ".join(text.split())
    return name if ok and name else None


def member_label(member: Member) -> str:
    """``2022-05-22 to 2022-05-26 (3 dates) — file name``: the date first, then the file."""
    name = PurePath(member.source.rsplit("!", 1)[0]).name
    inner = member.source.rsplit("!", 1)[1] if "!" in member.source else ""
    where = f"{name} ({inner})" if inner else name
    dates = member.dates
    if not dates:
        return where
    span = str(dates[0]) if len(dates) == 1 else f"{dates[0]} to {dates[-1]} ({len(dates)} dates)"
    return f"{span} — {where}"


class SplitDialog(QDialog):
    """Tick files of a series and name the series they move to (new, or an existing one)."""

    def __init__(
        self,
        series: str,
        members: Sequence[Member],
        others: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Split {series}")
        self._members = sorted(members, key=lambda m: (m.dates[:1], m.source))
        self.files = QListWidget(self)
        for member in self._members:
            item = QListWidgetItem(member_label(member), self.files)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(member.source)
        self.target = QComboBox(self)
        self.target.setEditable(True)
        self.target.addItems([f"{series} (split)", *others])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Move to series:", self.target)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Files of “{series}” to move to another series:"))
        layout.addWidget(self.files, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.files.itemChanged.connect(self._on_files_item_changed)
        self._on_files_item_changed()
        self.resize(520, 380)

    def chosen(self) -> list[Member]:
        """The ticked files."""
        return [
            member
            for row, member in enumerate(self._members)
            if self.files.item(row).checkState() == Qt.CheckState.Checked
        ]

    def name(self) -> str:
        return " ".join(self.target.currentText().split())

    def _on_files_item_changed(self, _item: QListWidgetItem | None = None) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.chosen()))


def ask_split(
    parent: QWidget | None, series: str, members: Sequence[Member], others: Sequence[str]
) -> tuple[list[Member], str] | None:
    """The files to move and the series to move them to; None when cancelled."""
    dialog = SplitDialog(series, members, others, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name():
        return None
    return dialog.chosen(), dialog.name()
