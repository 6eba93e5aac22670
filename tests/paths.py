"""Where the real data lives: ../shared/data beside the checkout, read in place, never copied."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
DEEPSTATE = DATA / "deepstate" / "daily"
ISW = DATA / "isw"
PUBLISHED = DATA / "published"
BOUNDARIES = DATA / "boundaries"
