"""ExportViewModel: a job off the UI thread with progress, time left, Cancel and errors."""

from __future__ import annotations

import threading

from viewmodels.tasks import TaskRunner
from viewmodels.timelapse_viewmodel import ExportCancelled, ExportViewModel


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_and_time_left_come_from_the_worker(qtbot) -> None:
    runner = TaskRunner()
    clock = _Clock()
    vm = ExportViewModel(runner, clock)
    gate, threads = threading.Event(), []

    def job(progress, cancelled) -> str:
        threads.append(threading.current_thread())
        progress(1, 4)
        gate.wait(5)
        return "out.mp4"

    with qtbot.waitSignal(vm.sig_progress_changed, timeout=5000) as step:
        vm.start(job)
    assert step.args == [1, 4]
    assert vm.running
    clock.now = 103.0
    assert vm.seconds_left() == 9.0  # 3 s for one frame, three to go
    with qtbot.waitSignal(vm.sig_finished, timeout=5000) as finished:
        gate.set()
    runner.shutdown()
    assert finished.args == ["out.mp4"]
    assert not vm.running
    assert threads[0] is not threading.main_thread()


def test_cancel_stops_the_job_and_reports_cancelled(qtbot) -> None:
    runner = TaskRunner()
    vm = ExportViewModel(runner)
    started = threading.Event()

    def job(progress, cancelled) -> None:
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise ExportCancelled

    with qtbot.waitSignal(vm.sig_cancelled, timeout=5000):
        vm.start(job)
        assert started.wait(5)
        vm.cancel()
    runner.shutdown()
    assert not vm.running


def test_a_failure_is_one_line(qtbot) -> None:
    vm = ExportViewModel(TaskRunner(synchronous=True))
    failures: list[str] = []
    vm.sig_failed.connect(failures.append)

    def job(progress, cancelled) -> None:
        raise OSError("/x/out.gif: No space left on device\n  at encoder")

    vm.start(job)
    assert failures == ["/x/out.gif: No space left on device"]
    assert vm.seconds_left() is None
    assert not vm.running


def test_a_second_start_while_one_runs_is_ignored(qtbot) -> None:
    runner = TaskRunner()
    vm = ExportViewModel(runner)
    gate, calls = threading.Event(), []

    def job(progress, cancelled) -> int:
        calls.append(1)
        gate.wait(5)
        return len(calls)

    with qtbot.waitSignal(vm.sig_finished, timeout=5000) as finished:
        vm.start(job)
        vm.start(job)
        gate.set()
    runner.shutdown()
    assert finished.args == [1]
