"""Import pyqtgraph without creating every Qt class at once.

pyqtgraph keeps its own mirrors of ``QtCore``, ``QtGui`` and ``QtWidgets`` (``pyqtgraph.Qt.QtCore``
…) and fills them at import by reading every name of the PySide6 modules. PySide6 creates its
classes lazily, on first access, so that loop creates about 720 classes with their enums, most of
which the app never uses: 0.19 s of every launch, of every ``snapshot`` and of every time-lapse
export on our 2-core machine (``benchmarks/bench_app.py``).

:func:`install` (called from ``ui/__init__.py``, before anything imports pyqtgraph) wraps the
loading of those four pyqtgraph modules: while ``pyqtgraph.Qt`` runs, the PySide6 modules list no
names, so nothing is copied; instead each mirror forwards a missing name to its PySide6 module on
first use (PEP 562 module ``__getattr__``) and keeps it. Every name stays reachable through the
mirrors, it is only created when something asks for it.
"""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from importlib.abc import Loader
    from importlib.machinery import ModuleSpec
    from types import ModuleType

QT_MODULES = ("QtCore", "QtGui", "QtWidgets")
PACKAGE = "pyqtgraph.Qt"
MIRRORS = {f"{PACKAGE}.{name}": f"PySide6.{name}" for name in QT_MODULES}


def install() -> None:
    """Put the finder first on ``sys.meta_path`` (once; before pyqtgraph is imported)."""
    if not any(isinstance(finder, _MirrorFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _MirrorFinder())


class _MirrorFinder:
    """Finds ``pyqtgraph.Qt`` and its mirrors as usual, then wraps their loaders (plain classes:
    ``importlib.abc`` would cost ``ui``'s headless commands 7 ms of imports)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != PACKAGE and fullname not in MIRRORS:
            return None
        spec = _spec_from_other_finders(self, fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        if fullname == PACKAGE:
            spec.loader = cast("Loader", _WithoutNameListing(spec.loader))
        else:
            spec.loader = cast("Loader", _ForwardingMirror(spec.loader, MIRRORS[fullname]))
        return spec


def _spec_from_other_finders(
    me: object, fullname: str, path: Sequence[str] | None, target: ModuleType | None
) -> ModuleSpec | None:
    """The spec the rest of ``sys.meta_path`` gives (a source tree or PyInstaller's archive)."""
    for finder in sys.meta_path:
        if finder is me or not hasattr(finder, "find_spec"):
            continue
        spec = finder.find_spec(fullname, path, target)
        if spec is not None:
            return spec
    return None


class _WrappedLoader:
    def __init__(self, inner: Loader) -> None:
        self.inner = inner

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def __getattr__(self, name: str) -> Any:  # get_code, get_source… for tools that ask
        return getattr(self.inner, name)


class _WithoutNameListing(_WrappedLoader):
    """Runs ``pyqtgraph.Qt`` while ``dir()`` of the PySide6 modules is empty."""

    def exec_module(self, module: ModuleType) -> None:
        sources = [importlib.import_module(name) for name in MIRRORS.values()]
        listings = [source.__dict__.get("__dir__") for source in sources]
        for source in sources:
            source.__dir__ = _no_names  # type: ignore[method-assign]
        try:
            self.inner.exec_module(module)
        finally:
            for source, listing in zip(sources, listings, strict=True):
                if listing is None:
                    del source.__dir__
                else:
                    source.__dir__ = listing  # type: ignore[method-assign]


def _no_names() -> list[str]:
    return []


class _ForwardingMirror(_WrappedLoader):
    """A pyqtgraph mirror module that takes each missing name from its PySide6 module."""

    def __init__(self, inner: Loader, source_name: str) -> None:
        super().__init__(inner)
        self.source_name = source_name

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        module.__getattr__ = _forwarder(module, importlib.import_module(self.source_name))  # type: ignore[method-assign]


def _forwarder(mirror: ModuleType, source: ModuleType) -> Callable[[str], Any]:
    def forward(name: str) -> Any:
        value = getattr(source, name)
        setattr(mirror, name, value)
        return value

    return forward
