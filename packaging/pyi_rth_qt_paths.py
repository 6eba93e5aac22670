"""Runtime hook of the build, in place of PyInstaller's ``pyi_rth_pyside6``: Qt's search paths
without importing Qt.

PyInstaller's hook imports ``PySide6.QtCore`` in every process of the build, to register a
``qt.conf`` that the PySide6 wheel registers itself when QtCore is imported. That cost 0.15 s
of CPU in processes that never use Qt: ``inspect``, ``areas``, ``delta``, ``--version``, and
the loader's worker, fork-server and resource-tracker processes. Here only the environment
variables are set; Qt is imported when the app needs it.
"""

import os
import sys

_HERE = getattr(sys, "_MEIPASS", "")
_QT = (
    os.path.join(_HERE, "PySide6")
    if sys.platform == "win32"
    else os.path.join(_HERE, "PySide6", "Qt")
)
os.environ["QT_PLUGIN_PATH"] = os.path.join(_QT, "plugins")
os.environ["QML2_IMPORT_PATH"] = os.path.join(_QT, "qml")
