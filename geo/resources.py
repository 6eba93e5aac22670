"""One way to find the app's data files, in a source checkout and in the PyInstaller build.

In a checkout (or an editable install) the files live in ``resources/`` beside the ``geo``
package. In the one-folder build PyInstaller sets ``sys.frozen`` and unpacks the same
``resources/`` tree into ``sys._MEIPASS`` (``dist/frontline-atlas/_internal``); the spec in
``packaging/`` copies it there under the same name, so callers never care which case they are in.
"""

from __future__ import annotations

import sys
from pathlib import Path

#: The folder name of the data files, in the checkout and inside the build alike.
RESOURCES_DIR = "resources"


def resources_root() -> Path:
    """The folder that holds ``basemap.gpkg``, ``ATTRIBUTION.md`` and ``icons/``."""
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / RESOURCES_DIR
    return Path(__file__).resolve().parents[1] / RESOURCES_DIR


def resource_path(*parts: str) -> Path:
    """The path of a data file, e.g. ``resource_path("icons", "frontline-atlas.svg")``.

    Parameters
    ----------
    parts
        Path components below the resources folder.

    Returns
    -------
    Path
        An absolute path; it may not exist (the caller reports a missing file its own way).
    """
    return resources_root().joinpath(*parts)
