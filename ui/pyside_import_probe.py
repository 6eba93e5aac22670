"""A cheaper form of PySide6's per-import question "does this module use PySide6?".

Once PySide6 is loaded, every later import asks it (``shibokensupport.feature``): the answer
decides which modules ``from __feature__ import snake_case`` applies to. It is found by
``"PySide6" in inspect.getsource(module)``, which decodes each module's file, splits it into lines
and keeps them in ``linecache``: ~300 modules at each launch, about 0.1 s of the launch → first
paint on our 2-core machine (``benchmarks/bench_app.py``). :func:`install` keeps the question and
the answer and changes only the reading: a module with a ``.py`` file has its bytes searched; any
other module (extension, frozen, no source) is asked the original way.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def install() -> bool:
    """Replace the probe (once PySide6.QtCore is imported); False when PySide6 has none."""
    import PySide6.QtCore  # noqa: F401  (loads PySide's import hook and its feature module)

    feature = next((sys.modules[n] for n in FEATURE_MODULES if n in sys.modules), None)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, "_reads_bytes", False):
        return feature is not None and original is not None
    feature._mod_uses_pyside = _reading_bytes(original)  # type: ignore[attr-defined]
    return True


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return original(module)

    uses_pyside._reads_bytes = True  # type: ignore[attr-defined]
    return uses_pyside
