"""The cheaper "does this module use PySide6?" probe gives PySide's own answer for every module."""

from __future__ import annotations

import json  # noqa: F401  (a module that does not use PySide6)
import sys

from ui import pyside_import_probe


def _feature_module():
    return next(sys.modules[n] for n in pyside_import_probe.FEATURE_MODULES if n in sys.modules)


def test_the_probe_answers_as_pyside_does_for_every_loaded_module() -> None:
    assert pyside_import_probe.install()
    probe = _feature_module()._mod_uses_pyside
    assert probe._reads_bytes
    original = probe.__closure__[0].cell_contents
    modules = [m for m in list(sys.modules.values()) if m is not None][:400]
    answers = {m.__name__: probe(m) for m in modules}
    assert answers == {m.__name__: original(m) for m in modules}
    assert probe(sys.modules["json"]) is False
    assert probe(sys.modules["ui.pyside_import_probe"]) is True
    assert len(answers) > 100


def test_install_twice_keeps_one_probe() -> None:
    pyside_import_probe.install()
    first = _feature_module()._mod_uses_pyside
    pyside_import_probe.install()
    assert _feature_module()._mod_uses_pyside is first
