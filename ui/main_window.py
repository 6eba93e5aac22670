"""The main window: composes the feature views as docks around the map, menus and status bar.

It decides nothing: each dock is a view bound to its own viewmodel (declared in ``DOCKS``),
menus come from :mod:`ui.actions`, and the only logic here is the edge — dialogs, drag and drop,
and remembering the layout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QFrame,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.actions import build_actions
from ui.bind import Bindings, close_views
from ui.chart_view import ChartView
from ui.compare_panel import ComparePanel
from ui.first_paint import call_after_first_paint
from ui.layout import (
    LAYOUT_VERSION,
    arrange,
    available_geometry,
    dock_floating_over,
    initial_geometry,
    keep_restored_sizes,
    place_dock,
    raise_tab,
)
from ui.problems_panel import ProblemsPanel
from ui.regions_feature import regions_dock
from ui.status import StatusView
from ui.timeline_view import TimelineView
from ui.welcome import WelcomeView
from viewmodels.app_viewmodel import DEMO_LABEL
from viewmodels.tasks import shutdown_runners

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent

    from ui.regions_feature import RegionsFeature
    from viewmodels.app_viewmodel import AppViewModel

AskFiles = Callable[[QWidget, str], list[str]]
AskFolder = Callable[[QWidget, str], str]
Area = Qt.DockWidgetArea


def ask_open_files(parent: QWidget, folder: str) -> list[str]:
    """The real file dialog (tests inject their own)."""
    paths, _ = QFileDialog.getOpenFileNames(parent, "Open files", folder)
    return paths


def ask_folder(parent: QWidget, folder: str) -> str:
    return QFileDialog.getExistingDirectory(parent, "Open folder", folder)


def show_error(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, "Frontline Atlas", message)


def default_central(app_vm: AppViewModel) -> QWidget:
    """The map canvas bound to the app's map, layers and basemap viewmodels.

    The basemap is read in the worker once the map has painted (or after 300 ms if it is not
    shown): read meanwhile, it would compete with the first frame for the interpreter.
    """
    from ui.first_paint import call_after_first_paint
    from ui.map import MapView

    view = MapView(app_vm.map, app_vm.layers, basemap=app_vm.basemap)
    call_after_first_paint(view.canvas.viewport(), app_vm.basemap.load, fallback_ms=300)
    return view


def _layers_panel(app_vm: AppViewModel) -> QWidget:
    """The layer panel in a scroll area: ten layers must not make the window taller."""
    from ui.layers_panel import LayersPanel

    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    from ui.series_menu import SeriesActions

    series = SeriesActions(app_vm.dataset)
    scroll.setWidget(LayersPanel(app_vm.layers, series_notes=app_vm.map, series=series))
    return scroll


class MainWindow(QMainWindow):
    """The map window. ``add_dock`` and ``menu`` let other features plug in."""

    app_vm: AppViewModel
    regions: RegionsFeature
    """The regions' map items, tools and dock (set by ``ui.regions_feature.install_regions``)."""

    DOCKS: tuple[tuple[str, str, Area, Callable[[AppViewModel], QWidget]], ...] = (
        ("layers", "Layers", Area.LeftDockWidgetArea, _layers_panel),
        ("compare", "Comparison", Area.RightDockWidgetArea, lambda vm: ComparePanel(vm.compare)),
        ("timeline", "Timeline", Area.BottomDockWidgetArea, lambda vm: TimelineView(vm.timeline)),
        ("chart", "Chart", Area.BottomDockWidgetArea, lambda vm: ChartView(vm.chart)),
        ("problems", "Problems", Area.BottomDockWidgetArea, lambda vm: ProblemsPanel(vm.dataset)),
        ("regions", "Regions", Area.RightDockWidgetArea, regions_dock),
    )
    DEFERRED: frozenset[str] = frozenset({"chart"})
    """Docks whose view is built just after the window's first paint (the chart's pyqtgraph
    plots cost ~60 ms of the launch → first frame budget); a blank widget holds their place."""

    def __init__(
        self,
        app_vm: AppViewModel,
        *,
        central: Callable[[AppViewModel], QWidget] = default_central,
        ask_files: AskFiles = ask_open_files,
        ask_dir: AskFolder = ask_folder,
        error: Callable[[QWidget, str], None] = show_error,
    ) -> None:
        super().__init__()
        self.app_vm = app_vm
        self._ask_files, self._ask_dir, self._error = ask_files, ask_dir, error
        self._menus: dict[str, QMenu] = {}
        self._bindings = Bindings()
        self.docks: dict[str, QDockWidget] = {}
        self.setAcceptDrops(True)
        self.setGeometry(initial_geometry(available_geometry(self)))
        for name in ("&File", "&View", "&Time", "&Help"):
            self.menu(name)
        self.map_view = central(app_vm)
        self.banner = QLabel(DEMO_LABEL)
        self.banner.setStyleSheet("background:#fff3cd;color:#7a5a00;padding:4px;font-weight:bold")
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.map_view, 1)
        self.setCentralWidget(holder)
        self._compose_docks()
        self.actions_by_key = build_actions(self)
        self._recent_menu = self.menu("&File").addMenu("Open &recent")
        self.setStatusBar(StatusView(app_vm.cursor, app_vm.dataset))
        self._bind()
        self._restore_layout()

    def _compose_docks(self) -> None:
        for key, title, area, factory in self.DOCKS:
            widget = QWidget() if key in self.DEFERRED else factory(self.app_vm)
            self.docks[key] = self.add_dock(title, widget, area)
            self.docks[key].setObjectName(f"dock_{key}")  # ui.layout finds docks by key
        self._deferred = [(key, f) for key, _t, _a, f in self.DOCKS if key in self.DEFERRED]
        call_after_first_paint(self, self.build_deferred_docks)
        welcome = WelcomeView(self.open_files, self.open_folder, self.app_vm.open_demo)
        self.welcome = welcome
        self.docks["welcome"] = self.add_dock("Welcome", welcome, Area.RightDockWidgetArea)
        arrange(self)
        self._arranged = True

    def reset_layout(self) -> None:
        """View → Reset layout: every dock back where the default layout has it."""
        arrange(self)
        self._on_app_demo_changed(self.app_vm.is_demo())

    def _bind(self) -> None:
        vm, bind = self.app_vm, self._bindings.connect
        bind(vm.sig_title_changed, self.setWindowTitle)
        bind(vm.sig_demo_changed, self._on_app_demo_changed)
        bind(vm.sig_recent_changed, self._on_app_recent_changed)
        bind(vm.sig_welcome_changed, self._on_app_welcome_changed)
        bind(vm.dataset.sig_error_raised, self._on_dataset_error_raised)
        bind(vm.chart.sig_error_changed, self._on_chart_error_changed)
        self.setWindowTitle(vm.title())
        self._on_app_demo_changed(vm.is_demo())
        self._on_app_recent_changed(vm.recent_files())

    def _on_dataset_error_raised(self, message: str) -> None:
        self._error(self, message)

    def unbind(self) -> None:
        """Disconnect the window and its features from the viewmodels (the window is closing;
        the application's viewmodel may outlive it)."""
        self._bindings.unbind()
        close_views(dock.widget() for dock in self.docks.values())
        regions = getattr(self, "regions", None)
        if regions is not None:
            regions.close()

    def build_deferred_docks(self) -> None:
        """Build the views of the :attr:`DEFERRED` docks now (once; later calls do nothing)."""
        deferred, self._deferred = self._deferred, []
        for key, factory in deferred:
            self.docks[key].setWidget(factory(self.app_vm))

    def add_dock(self, title: str, widget: QWidget, area: Area) -> QDockWidget:
        """Add ``widget`` as a dock titled ``title``; its toggle goes into the View menu."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.menu("&View").addAction(dock.toggleViewAction())
        if getattr(self, "_arranged", False):
            place_dock(self, dock)
        return dock

    MENU_ORDER = ("File", "Edit", "View", "Time", "Help")
    """Where the menus stand in the menu bar, whichever feature creates them first."""

    def menu(self, name: str) -> QMenu:
        """The menu called ``name`` (``&File``, ``&View``, …), created on first use."""
        key = name.replace("&", "")
        for existing, menu in self._menus.items():
            if existing.replace("&", "") == key:
                return menu
        menu = QMenu(name, self)
        after = self._menu_after(key)
        if after is None:
            self.menuBar().addMenu(menu)
        else:
            self.menuBar().insertMenu(after, menu)
        self._menus[name] = menu
        return menu

    def _menu_after(self, key: str) -> QAction | None:
        """The menu-bar action a new menu ``key`` goes before (None: at the end)."""
        order = self.MENU_ORDER

        def rank(name: str) -> int:
            return order.index(name) if name in order else len(order)

        later = [(rank(n.replace("&", "")), m) for n, m in self._menus.items()]
        later = [(r, m) for r, m in later if r > rank(key)]
        return min(later, key=lambda pair: pair[0])[1].menuAction() if later else None

    def open_files(self) -> None:
        paths = self._ask_files(self, self.app_vm.settings.last_folder())
        if paths:
            self.app_vm.open_paths(paths)

    def open_folder(self) -> None:
        folder = self._ask_dir(self, self.app_vm.settings.last_folder())
        if folder:
            self.app_vm.open_paths([folder])

    def show_message(self, text: str) -> None:
        """A one-line message in the status bar for 15 s."""
        self.statusBar().showMessage(text, 15000)

    def show_about(self) -> None:
        from ui.about_dialog import show_about

        show_about(self, self.app_vm.about_text())

    def _on_app_demo_changed(self, demo: bool) -> None:
        self.banner.setVisible(demo)
        self._on_app_welcome_changed(self.app_vm.welcome())

    def _on_app_welcome_changed(self, welcome: bool) -> None:
        self.docks["welcome"].setVisible(welcome)
        if welcome:
            raise_tab(self, "welcome")

    def _on_chart_error_changed(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 15000)

    def _on_app_recent_changed(self, recent: list[str]) -> None:
        self._recent_menu.clear()
        for path in recent:
            action = self._recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.app_vm.open_paths([p]))
        self._recent_menu.setEnabled(bool(recent))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.app_vm.open_paths(paths)

    def _restore_layout(self) -> None:
        geometry, state = self.app_vm.settings.window_layout()
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if not state.isEmpty() and self.restoreState(state, LAYOUT_VERSION):
            keep_restored_sizes(self)
            dock_floating_over(self)
        self._on_app_demo_changed(self.app_vm.is_demo())

    def closeEvent(self, event: QCloseEvent) -> None:
        state = self.saveState(LAYOUT_VERSION)
        self.app_vm.settings.set_window_layout(self.saveGeometry(), state)
        self.app_vm.settings.sync()
        self.unbind()
        self.app_vm.shutdown()
        shutdown_runners(self, wait=False)  # the features' own workers (print, time-lapse…)
        super().closeEvent(event)
