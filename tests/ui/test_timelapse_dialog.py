"""File → Export time-lapse…: previews, export off the UI thread with progress, Cancel."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.loader import load_paths
from tests.paths import DEEPSTATE
from ui.cli_snapshot import layer_specs
from ui.timelapse import dialog as dialog_module
from ui.timelapse.dialog import TimelapseDialog, format_left
from ui.timelapse.request import ExportContext
from viewmodels.tasks import TaskRunner
from viewmodels.timelapse_viewmodel import ExportViewModel

SERIES = "DeepState occupied"
DAYS = [dt.date(2024, 11, d) for d in range(1, 7)]
FILES = [DEEPSTATE / f"deepstatemap_data_{d:%Y%m%d}.geojson" for d in DAYS]


@pytest.fixture(scope="module")
def context(qapp) -> ExportContext:
    catalog = load_paths(FILES, use_cache=False)
    return ExportContext(catalog, SERIES, None, layer_specs(catalog, None))


@pytest.fixture
def dialog(qtbot, context, tmp_path):
    runner = TaskRunner()
    view = TimelapseDialog(context, ExportViewModel(runner), TaskRunner(), str(tmp_path))
    qtbot.addWidget(view)
    view.form.size_choice.setCurrentIndex(view.form.size_choice.count() - 1)  # other size
    view.form.width_box.setValue(640)
    view.form.height_box.setValue(360)
    yield view
    view._vm.shutdown()
    view._previews.shutdown()


def test_the_size_starts_at_full_hd(qtbot, context, tmp_path) -> None:
    view = TimelapseDialog(context, ExportViewModel(TaskRunner()), TaskRunner(), str(tmp_path))
    qtbot.addWidget(view)
    assert view.form.size_choice.currentText() == "1920×1080 (landscape)"
    assert view.choices().size == (1920, 1080)
    assert view.choices().out == tmp_path / "timelapse.mp4"


def test_starts_on_the_series_last_year_and_previews_three_frames(qtbot, dialog) -> None:
    choices = dialog.choices()
    assert (choices.series, choices.date_from, choices.date_to) == (SERIES, DAYS[0], DAYS[-1])
    assert choices.size == (640, 360)
    qtbot.waitUntil(lambda: dialog.thumb_dates[2].text() != "", timeout=60000)
    labels = [label.text() for label in dialog.thumb_dates]
    assert labels == ["First: 2024-11-01", "Middle: 2024-11-04", "Last: 2024-11-06"]
    assert (dialog.thumbs[0].pixmap().width(), dialog.thumbs[0].pixmap().height()) == (320, 180)
    assert "6 frames" in dialog.status.text()


def test_export_runs_off_the_ui_thread_with_progress(qtbot, dialog, tmp_path) -> None:
    out = tmp_path / "front.webp"
    dialog.form.set_out_path(out)
    seen: list[tuple[int, int]] = []
    dialog._vm.sig_progress_changed.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(dialog._vm.sig_finished, timeout=120000):
        dialog.export_button.click()
        assert dialog.cancel_button.text() == "Cancel"
        assert not dialog.form.isEnabled()
    assert seen[-1] == (6, 6)
    assert out.is_file()
    assert dialog.status.text().startswith(f"Wrote {out} (6 frames")
    assert dialog.cancel_button.text() == "Close"


def test_cancel_leaves_nothing_and_bad_choices_are_one_line(qtbot, dialog, tmp_path) -> None:
    out = tmp_path / "front.mp4"
    dialog.form.set_out_path(out)
    with qtbot.waitSignal(dialog._vm.sig_cancelled, timeout=120000):
        dialog.export_button.click()
        qtbot.waitUntil(lambda: dialog._vm.progress[0] >= 1, timeout=60000)
        dialog.cancel_button.click()
    assert dialog.status.text() == "Cancelled: nothing was written."
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    dialog.form.set_out_path(tmp_path / "front.avi")
    dialog._on_preview_timer_timeout()
    assert "cannot write .avi" in dialog.status.text()
    assert not dialog.export_button.isEnabled()


def test_browse_asks_for_the_file_through_a_replaceable_function(dialog, monkeypatch) -> None:
    monkeypatch.setattr(dialog_module, "ask_out_path", lambda parent, current: "/x/y.gif")
    dialog.form.browse.click()
    assert str(dialog.form.out_path()) == "/x/y.gif"


def test_time_left_reads_minutes_and_seconds() -> None:
    assert format_left(65.4) == "about 1:05 left"
    assert format_left(None) == ""
