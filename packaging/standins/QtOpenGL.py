"""Stand-in for ``PySide6.QtOpenGL`` in the build: the app never draws with OpenGL.

pyqtgraph imports the binding (8.9 MB) at start-up in ``PlotCurveItem``, ``PColorMeshItem``,
``RawImageWidget`` and ``Qt.OpenGLHelpers``, and reaches its classes only on a canvas that is
a ``GraphicsViewGLWidget`` (``useOpenGL``), which the app never creates. Any attribute asked
for says so instead of returning a fake class.
"""


def __getattr__(name: str) -> object:
    raise AttributeError(f"PySide6.QtOpenGL.{name}: OpenGL is not part of this build")
