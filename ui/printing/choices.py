"""The layout choices of Print and Export map (texts, paper, orientation, items, dpi), remembered.

They live in ``QSettings`` under ``printing/choices`` as JSON, so they survive between sessions;
anything unreadable there falls back to the defaults.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from geo.page import PIXEL_PRESETS, Furniture, Page

if TYPE_CHECKING:
    from geo.page import BBox

SETTINGS_KEY = "printing/choices"
PAPERS = ("A4", "A3", "letter", *PIXEL_PRESETS)
"""Paper names, then pixel presets for social media."""


@dataclass(frozen=True)
class PrintChoices:
    """What the user chose in the layout dialog (empty texts mean the defaults)."""

    title: str = ""
    subtitle: str = ""
    notes: str = ""
    paper: str = "A4"
    landscape: bool = True
    dpi: float = 150.0
    furniture: Furniture = field(default_factory=Furniture)

    def pixels(self) -> tuple[int, int] | None:
        """The pixel size of a social-media preset, else None."""
        return PIXEL_PRESETS.get(self.paper)

    def base_page(self, extent: BBox) -> Page:
        """A page with these choices, to be filled with content."""
        pixels = self.pixels()
        return Page(
            extent=extent,
            paper="A4" if pixels else self.paper,
            landscape=self.landscape,
            pixels=pixels,
            title=self.title,
            subtitle=self.subtitle,
            notes=self.notes,
            furniture=self.furniture,
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> PrintChoices:
        """Choices from :meth:`to_json`; unknown keys are ignored, bad values give defaults."""
        try:
            data: dict[str, Any] = json.loads(text)
            known = {f.name for f in fields(Furniture)}
            furniture = Furniture(
                **{k: bool(v) for k, v in data.pop("furniture", {}).items() if k in known}
            )
            names = {f.name for f in fields(cls)} - {"furniture"}
            choices = cls(**{k: v for k, v in data.items() if k in names}, furniture=furniture)
        except (ValueError, TypeError, AttributeError):
            return cls()
        if choices.paper not in PAPERS or not 30 <= float(choices.dpi) <= 1200:
            return replace(choices, paper="A4", dpi=150.0)
        return choices


def load_choices(settings: QSettings | None = None) -> PrintChoices:
    """The remembered choices (defaults when there are none)."""
    value = (settings or QSettings()).value(SETTINGS_KEY, "")
    return PrintChoices.from_json(value) if isinstance(value, str) and value else PrintChoices()


def save_choices(choices: PrintChoices, settings: QSettings | None = None) -> None:
    """Remember ``choices`` for the next session."""
    store = settings or QSettings()
    store.setValue(SETTINGS_KEY, choices.to_json())
    store.sync()
