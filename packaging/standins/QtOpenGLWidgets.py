"""Stand-in for ``PySide6.QtOpenGLWidgets`` in the build: the app never draws with OpenGL.

pyqtgraph subclasses ``QOpenGLWidget`` when it is imported (``GraphicsViewGLWidget``,
``RawImageGLWidget``) and creates one only for an OpenGL canvas, which the app never asks for;
a widget of this class refuses to be created.
"""

from PySide6.QtWidgets import QWidget


class QOpenGLWidget(QWidget):
    """A base class pyqtgraph can name; creating one raises ``RuntimeError``."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("QOpenGLWidget: OpenGL is not part of this build")


def __getattr__(name: str) -> object:
    raise AttributeError(f"PySide6.QtOpenGLWidgets.{name}: OpenGL is not part of this build")
