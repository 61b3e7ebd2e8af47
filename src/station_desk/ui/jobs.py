"""One way to run long work: a callable on Qt's thread pool, its progress, result
and failure delivered back on the UI thread (the pattern of Anki's
`aqt/operations`: work off the main thread, callbacks on it).

The work gets a plain `progress(done, total)` callback, so services stay Qt-free.
Cancelling only sets a flag: the next progress call raises `Cancelled`, which the
services meet between safe steps (a discarded `.partial`, a rolled-back import),
so nothing half-done stays behind. Failures go to one place: a `UserError` (or a
known environment failure) becomes a plain warning, anything else the crash dialog.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDeadlineTimer,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QStatusBar, QWidget
from shiboken6 import isValid

from ..domain.errors import Cancelled, UserError
from ..domain.progress import Progress
from ..services.errors import known_failure
from ..services.store import Store
from .widgets import prompts

T = TypeVar("T")

__all__ = ["Cancelled", "Job", "Progress", "report_failure", "run_job"]


def report_failure(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """The one place a failed job is shown: a refusal as a warning, a bug as a crash."""
    if isinstance(exc, Cancelled):
        return  # the clerk asked for it; nothing was kept
    known = exc if isinstance(exc, UserError) else known_failure(exc)
    if known is not None:
        prompts.warn(parent, title, known.message)
        return
    from . import crash  # crash imports this module's neighbours; late to keep it light

    crash.excepthook(type(exc), exc, exc.__traceback__)


class Job(QObject, Generic[T]):
    """One run of `work`; lives on the UI thread, its signals arrive there."""

    _progressed = Signal(int, int)
    _ended = Signal(object, object)  # (result, error)

    def __init__(self, work: Callable[[Progress], T], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()  # set once the result or failure is delivered
        self.result: T | None = None
        self.error: BaseException | None = None
        self.on_progress: Callable[[int, int], None] | None = None
        self.on_done: Callable[[T], None] | None = None
        self.on_failed: Callable[[BaseException], None] | None = None
        self.on_finally: Callable[[], None] | None = None
        self.owner: QObject | None = None  # its callbacks are skipped once this is gone
        self._progressed.connect(self._show_progress)
        self._ended.connect(self._deliver)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> None:
        """Called by the work on its own thread; raises `Cancelled` once asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()
        self._progressed.emit(done, total)

    def run_here(self) -> None:
        """The body the pool thread runs."""
        try:
            result: Any = self._work(self.progress)
        except BaseException as exc:  # handed to the UI thread
            self._ended.emit(None, exc)
        else:
            self._ended.emit(result, None)

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error = result, error
        try:
            if self.owner is not None and not isValid(self.owner):
                pass  # the page that asked was closed meanwhile: nothing to show
            elif error is None:
                if self.on_done is not None:
                    self.on_done(result)
            elif self.on_failed is not None:
                self.on_failed(error)
        finally:
            self.done.set()
            if self.on_finally is not None:
                self.on_finally()
            _RUNNING.discard(self)
            self.deleteLater()


_RUNNING: set[Job[Any]] = set()  # keeps each Job alive until it has delivered


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run_here()


def run_job(work: Callable[[Progress], T], *, title: str,
            on_done: Callable[[T], None] | None = None,
            parent: QWidget | None = None,
            dialog: bool = True, cancellable: bool = False,
            status_bar: QStatusBar | None = None, failed_title: str | None = None,
            on_failed: Callable[[BaseException], None] | None = None,
            store: Store | None = None, writes: bool = False,
            on_finished: Callable[[], object] | None = None,
            at_once: bool = False) -> Job[T]:
    """Start `work(progress)` off the UI thread and return at once.

    With `dialog`, a window-modal progress dialog (shown after 400 ms) keeps the
    clerk from starting the same thing twice; `cancellable` gives it 取消. With a
    `status_bar`, the title stays there while it runs. `on_done` gets the result
    on the UI thread; a failure goes to `on_failed`, by default `report_failure`
    under `failed_title`. With a `store`, the work runs on a connection of its own
    (read-only unless `writes`): never on the window's, which deadlocks.
    `on_finished` runs after either (not once `parent` is gone). With `at_once`
    (a clerk waits on it, e.g. the PIN check) it starts now even when the pool's
    threads are all busy, say with a backup and the audit check.
    """
    if store is not None:
        work = store.on_own_connection(work, writes=writes)
    job: Job[T] = Job(work)
    job.on_done = on_done
    job.owner = parent
    job.on_failed = on_failed or (
        lambda exc: report_failure(parent, failed_title or title, exc))
    box: QProgressDialog | None = None
    if dialog:
        box = QProgressDialog(title, "取消" if cancellable else "", 0, 0, parent)
        box.setWindowTitle(title)
        if not cancellable:
            box.setCancelButton(None)  # Qt takes None: no button
        box.setMinimumDuration(400)
        box.setAutoClose(False)
        box.setAutoReset(False)
        if parent is not None:
            box.setWindowModality(Qt.WindowModality.WindowModal)
        box.canceled.connect(job.cancel)
        shown = box

        def show_progress(done: int, total: int) -> None:
            if total:
                shown.setMaximum(total)
                shown.setValue(min(done, total))

        job.on_progress = show_progress
    if status_bar is not None:
        status_bar.showMessage(title + "…")

    def tidy() -> None:
        if box is not None:
            box.close()
            box.deleteLater()
        if status_bar is not None and isValid(status_bar) \
                and status_bar.currentMessage() == title + "…":
            status_bar.clearMessage()
        if on_finished is not None and (parent is None or isValid(parent)):
            on_finished()

    job.on_finally = tidy
    _RUNNING.add(job)
    pool, runnable = QThreadPool.globalInstance(), _Runnable(job)
    if at_once and not pool.tryStart(runnable):
        # one thread more than are busy now (the limit grows only to the real peak)
        pool.setMaxThreadCount(max(pool.maxThreadCount(), pool.activeThreadCount() + 1))
        pool.start(runnable)
    elif not at_once:
        pool.start(runnable)
    return job


def wait_for(job: Job[T] | None, timeout: float = 30.0) -> T | None:
    """For tests: process events until the job has delivered; its result (None
    when it failed, or when there was no job)."""
    if job is None:
        return None
    deadline = QDeadlineTimer(int(timeout * 1000))
    while not job.done.is_set():
        if deadline.hasExpired():
            raise TimeoutError("job did not finish")
        QCoreApplication.processEvents()
        job.done.wait(0.01)
    return job.result


class Reloader(Generic[T]):
    """A page's figures read in the background, shown when read. A newer reload
    stops the one before (its result, if it still arrives, is dropped), so the
    page only ever shows the newest. `running` is the job in flight, if any."""

    def __init__(self, page: QWidget, store: Store, failed_title: str) -> None:
        self._page = page
        self._store = store
        self._failed_title = failed_title
        self.running: Job[T] | None = None

    def start(self, gather: Callable[[Progress], T], show: Callable[[T], None], *,
              failed: Callable[[BaseException], None] | None = None,
              at_once: bool = False) -> Job[T]:
        """`failed` runs before the failure is reported; `at_once` as in run_job."""
        if self.running is not None:
            self.running.cancel()

        def shown(result: T) -> None:
            if not job.cancelled:
                show(result)

        def ended() -> None:
            if self.running is job:
                self.running = None

        def refused(exc: BaseException) -> None:
            if failed is not None:
                failed(exc)
            report_failure(self._page, self._failed_title, exc)

        job: Job[T] = run_job(gather, title=self._failed_title, parent=self._page,
                              dialog=False, store=self._store, on_failed=refused,
                              on_done=shown, on_finished=ended, at_once=at_once)
        self.running = job
        return job
