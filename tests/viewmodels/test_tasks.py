from __future__ import annotations

import threading

import pytest

from viewmodels.tasks import TaskRunner, shutdown_runners


def test_result_arrives_on_main_thread_from_a_worker(qtbot) -> None:
    runner = TaskRunner()
    main = threading.current_thread()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.current_thread()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.current_thread()

    with qtbot.waitSignal(runner.sig_task_done, timeout=5000):
        runner.submit(work, done)
    runner.shutdown()
    assert seen["value"] == 42
    assert seen["worker"] is not main
    assert seen["callback"] is main


def test_newer_submit_on_a_channel_supersedes_older(qtbot) -> None:
    runner = TaskRunner()
    gate = threading.Event()
    applied: list[int] = []
    runner.submit(lambda: gate.wait(5) and 1, applied.append, channel="delta")
    runner.submit(lambda: 2, applied.append, channel="delta")
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    runner.shutdown()
    assert applied == [2]


def test_errors_go_to_on_error_and_synchronous_mode_runs_inline() -> None:
    runner = TaskRunner(synchronous=True)
    errors: list[BaseException] = []

    def fail() -> None:
        raise ValueError("bad file")

    runner.submit(fail, lambda _v: None, errors.append)
    assert [str(e) for e in errors] == ["bad file"]
    with pytest.raises(ValueError, match="bad file"):
        runner.submit(fail, lambda _v: None)


def test_a_runner_deleted_while_its_task_runs_drops_the_result(qtbot, caplog) -> None:
    from PySide6.QtCore import QObject
    from shiboken6 import delete

    owner = QObject()
    runner = TaskRunner(owner)
    gate = threading.Event()
    finished = threading.Event()
    applied: list[int] = []
    executor = runner._pool()

    def work() -> int:
        gate.wait(5)
        return 1

    runner.submit(work, applied.append)
    executor.submit(finished.set)
    delete(owner)
    gate.set()
    assert finished.wait(5)
    executor.shutdown(wait=True)
    assert applied == []
    assert "exception calling callback" not in caplog.text


def _task_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name.startswith("atlas-task")}


def test_shutdown_runners_stops_the_threads_of_every_runner_an_owner_holds(qtbot) -> None:
    from PySide6.QtCore import QObject

    before = _task_threads()
    owner = QObject()
    nested = QObject(owner)
    runners = [TaskRunner(owner), TaskRunner(nested)]
    for runner in runners:
        with qtbot.waitSignal(runner.sig_task_done, timeout=5000):
            runner.submit(lambda: 1, lambda _v: None)
    assert len(_task_threads() - before) == 2
    shutdown_runners(owner)
    assert _task_threads() - before == set()


def test_a_deleted_runner_lets_its_idle_thread_end(qtbot) -> None:
    from PySide6.QtCore import QObject
    from shiboken6 import delete

    before = _task_threads()
    owner = QObject()
    runner = TaskRunner(owner)
    with qtbot.waitSignal(runner.sig_task_done, timeout=5000):
        runner.submit(lambda: 1, lambda _v: None)
    assert len(_task_threads() - before) == 1
    delete(owner)
    qtbot.waitUntil(lambda: _task_threads() - before == set(), timeout=5000)


def test_a_runner_shut_down_starts_no_thread_again(qtbot) -> None:
    before = _task_threads()
    runner = TaskRunner()
    with qtbot.waitSignal(runner.sig_task_done, timeout=5000):
        runner.submit(lambda: 1, lambda _v: None)
    runner.shutdown()
    ran: list[int] = []
    runner.submit(lambda: ran.append(1), lambda _v: None)
    runner.submit(lambda: ran.append(2), lambda _v: None, slow=True)
    qtbot.wait(50)
    assert ran == []
    assert _task_threads() - before == set()
    assert not runner.busy
