"""The longest event-loop stall (a 5 ms QTimer heartbeat) while the window does
each thing a clerk does, on a town archive (default 100,000 cases), and cold
start to a shown main window against a bare PySide6 window.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_stalls.py [--rows N]
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_stalls.py --copy-of DIR
    ... ui_stalls.py --copy-of DIR --steps pages,scroll,scans --pages 办件   (a 1M run, part)
    ... ui_stalls.py --steps pages,periods --pages 统计 --windows 3 --gaps 30 --profile 25

--windows N opens the pages in N fresh main windows (a first opening's figure moves
with the load: several give its spread). --gaps MS lists every gap over MS ms in a
step (when it began after the step started, and how long), so one slow turn can be
told from several; --profile N prints the N costliest calls (cumulative, cProfile)
of each step. --cpu measures the gaps in the UI thread's own CPU time
(time.thread_time) instead of the wall clock: on a shared, loaded machine the wall
clock also counts the turns other processes had, so before/after pairs compare
better in CPU time (the target itself is the wall-clock figure on a quiet machine).

Rows come from cases_million.build (real schema, bulk insert). Prints one line
per figure; a stall is the largest gap between heartbeats, so 100 ms means the
window did not repaint or answer a key for 100 ms.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cases_million import build  # noqa: E402

from station_desk.domain.station import Role, StationKind  # noqa: E402
from station_desk.services.desk import Desk, StaffInput  # noqa: E402
from station_desk.ui.app import make_app  # noqa: E402
from station_desk.ui.cases.detail import CaseDetailDialog  # noqa: E402
from station_desk.ui.jobs import Job, run_job, wait_for  # noqa: E402
from station_desk.ui.main_window import MainWindow  # noqa: E402
from station_desk.ui.statistics import page as statistics  # noqa: E402

SETTLE_MS = 150
STEPS = ("pages", "periods", "scroll", "scans", "jobs", "cold")


class Heartbeat:
    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.clock = time.perf_counter
        self.last = time.perf_counter()
        self.worst = 0.0
        self.gaps_over_ms = 0.0  # 0: no gap list
        self.profile_lines = 0  # 0: no profile
        self._began = self.last
        self._gaps: list[tuple[float, float]] = []
        self._profile: cProfile.Profile | None = None

    def _tick(self) -> None:
        now = self.clock()
        gap = now - self.last
        self.worst = max(self.worst, gap)
        if self.gaps_over_ms and gap * 1000 > self.gaps_over_ms:
            self._gaps.append(((self.last - self._began) * 1000, gap * 1000))
        self.last = now

    def details(self) -> str:
        """The last step's gap list and profile, as asked for (else empty)."""
        out = []
        if self.gaps_over_ms:
            out.append("    gaps: " + ", ".join(f"{length:.0f} ms at {at:.0f}"
                                                for at, length in self._gaps))
        if self._profile is not None:
            import io

            text = io.StringIO()
            pstats.Stats(self._profile, stream=text).sort_stats("cumulative").print_stats(
                self.profile_lines)
            out.append(text.getvalue())
        return "\n".join(out)

    def stall(self, action: Callable[[], object]) -> float:
        """Longest gap (ms) from just before `action` until SETTLE_MS after it and
        after every background job it started has delivered (a page's tables read
        in the runner are filled on the UI thread: that counts too)."""
        loop = QEventLoop()
        self.last = self._began = self.clock()
        self.worst = 0.0
        self._gaps = []
        self._profile = cProfile.Profile() if self.profile_lines else None
        if self._profile is not None:
            self._profile.enable()
        self.timer.start()
        result: list[object] = []
        QTimer.singleShot(0, lambda: result.append(action()))
        QTimer.singleShot(SETTLE_MS, loop.quit)
        loop.exec()
        if result and isinstance(result[0], Job):
            wait_for(result[0], timeout=600)
        pool = QThreadPool.globalInstance()
        while pool.activeThreadCount():
            QApplication.processEvents()
            pool.waitForDone(5)
        settle = QEventLoop()
        QTimer.singleShot(SETTLE_MS, settle.quit)  # the results being shown
        settle.exec()
        self.timer.stop()
        if self._profile is not None:
            self._profile.disable()
        return self.worst * 1000


def with_scans(desk: Desk, count: int) -> str:
    """A case with `count` document-camera photos (~1 MB JPEGs, all different)."""
    import io
    import random

    from PIL import Image

    case_no = desk.cases.page(desk.cases.make_filter(), limit=1)[0].case_no
    rng = random.Random(3)
    for n in range(count):
        image = Image.effect_noise((2400, 1800), 40 + n).convert("RGB")
        image.paste((rng.randrange(256), 0, 0), (0, 0, 200, 200))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=70)
        desk.archive.attach_data(case_no, f"材料{n + 1}.jpg", out.getvalue())
    return case_no


def _open_case(window: MainWindow, desk: Desk, case_no: str) -> CaseDetailDialog:
    dialog = CaseDetailDialog(desk, case_no, window)
    dialog.show()
    QTimer.singleShot(SETTLE_MS, dialog.close)
    return dialog


def cold_start(folder: Path) -> tuple[float, float]:
    """(bare PySide6 window, Station Desk main window) seconds, each a fresh process."""
    bare = ("import time; t=time.perf_counter(); from PySide6.QtWidgets import QApplication,"
            " QMainWindow; a=QApplication([]); w=QMainWindow(); w.show(); a.processEvents();"
            " print(time.perf_counter()-t)")
    ours = ("import time; t=time.perf_counter(); from pathlib import Path;"
            " from station_desk.ui.app import make_app; from station_desk.services.desk import"
            " Desk; from station_desk.ui.main_window import MainWindow; a=make_app([]);"
            f" d=Desk.open(Path({str(folder)!r}), program='bench'); d.session.sign_in('王建国',"
            " '123456'); w=MainWindow(d); w.show(); w.start_daily_backup();"
            " w.start_audit_check(); w.prepare_printing(); a.processEvents();"
            " print(time.perf_counter()-t); import os; os._exit(0)")

    def run(code: str) -> float:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True, timeout=600)
        return float(out.stdout.strip().splitlines()[-1])

    return min(run(bare) for _ in range(3)), min(run(ours) for _ in range(3))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--copy-of", type=Path, default=None,
                        help="measure on a copy of this archive folder (e.g. one built by "
                             "cases_million.py, head 王建国 / 123456) instead of building one")
    parser.add_argument("--steps", default=",".join(STEPS),
                        help="only these steps, comma-separated: " + ",".join(STEPS))
    parser.add_argument("--pages", default="",
                        help="pages step: only these pages (comma-separated labels)")
    parser.add_argument("--windows", type=int, default=1,
                        help="pages step: in this many fresh main windows")
    parser.add_argument("--gaps", type=float, default=0,
                        help="list each step's gaps over this many ms")
    parser.add_argument("--cpu", action="store_true",
                        help="gaps in the UI thread's CPU time, not the wall clock")
    parser.add_argument("--profile", type=int, default=0,
                        help="print each step's N costliest calls (cProfile)")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    if steps - set(STEPS):
        parser.error(f"unknown steps: {','.join(sorted(steps - set(STEPS)))}")
    began = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="sd-stalls-"))
    # a 1M run leaves 2-3.5 GB behind: the disk filled up with them (shared machine)
    atexit.register(shutil.rmtree, folder, True)
    app: QApplication = make_app([])
    if args.copy_of is not None:
        folder = folder / "archive"
        shutil.copytree(args.copy_of, folder, ignore=shutil.ignore_patterns(
            "*.lock", "*.open", "backups", "*.before-*.db"))  # never written to
        desk = Desk.open(folder)
        args.rows = desk.cases.count(desk.cases.make_filter())
    else:
        desk = Desk.open(folder)
        desk.station.setup(kind=StationKind.TOWN1, code="610922101000",
                           name="城关镇便民服务中心",
                           staff=[StaffInput("王建国", Role.HEAD, "123456")])
        build(desk, args.rows)
    print(f"# {args.rows:,} cases, file {desk.store.path.stat().st_size / 2**20:.0f} MB")
    desk.session.sign_in("王建国", "123456")
    beat = Heartbeat()
    beat.gaps_over_ms, beat.profile_lines = args.gaps, args.profile
    if args.cpu:
        beat.clock = time.thread_time
        print("# gaps in the UI thread's CPU time (--cpu)")
    window: MainWindow | None = None
    for _ in range(max(1, args.windows) if "pages" in steps else 1):
        if window is not None:
            QThreadPool.globalInstance().waitForDone()
            app.processEvents()
            window.close()
            window.deleteLater()
        window = new_window(app, desk)
        labels = ([label for label in window.area_names() if label in args.pages.split(",")]
                  if args.pages else window.area_names())
        for when in ("first time", "again") if "pages" in steps else ():
            for label in labels:
                worst = beat.stall(lambda label=label, window=window: window.go_to(label))
                print(f"open {label:<10} ({when:<10})     {worst:8.1f} ms")
                if beat.details():
                    print(beat.details())
            window.go_to("今日")
    assert window is not None
    stats = window.statistics
    if "periods" in steps:
        window.go_to("统计")
    for key in (statistics.PERIOD_TODAY, statistics.PERIOD_MONTH,
                statistics.PERIOD_LAST_MONTH) if "periods" in steps else ():
        worst = beat.stall(lambda key=key: stats.set_period(key))
        print(f"statistics period {key:<12}       {worst:8.1f} ms")
        if beat.details():
            print(beat.details())
    if "scroll" in steps:
        scroll_end_to_end(window, beat)
    if "scans" in steps:
        case_no = with_scans(desk, 20)
        worst = beat.stall(lambda: _open_case(window, desk, case_no))
        print(f"open a case with 20 scans (first time)  {worst:8.1f} ms")
        worst = beat.stall(lambda: _open_case(window, desk, case_no))
        print(f"open a case with 20 scans (again)       {worst:8.1f} ms")
    if "jobs" in steps:
        start_jobs(window, desk, folder, beat)
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    desk.close()
    if "cold" in steps:
        bare, ours = cold_start(folder)
        print(f"cold start: bare PySide6 window {bare:.2f} s, Station Desk window {ours:.2f} s "
              f"({ours / bare:.1f}x)")
    print(f"# whole run {time.perf_counter() - began:.0f} s")
    return 0


def new_window(app: QApplication, desk: Desk) -> MainWindow:
    """A shown main window with what app.start starts behind it, settled."""
    window = MainWindow(desk)
    window.resize(1366, 768)
    window.show()
    window.start_audit_check()
    window.prepare_printing()
    app.processEvents()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    return window


def scroll_end_to_end(window: MainWindow, beat: Heartbeat) -> None:
    window.go_to("办件")
    bar = window.cases.table.verticalScrollBar()
    steps = 50
    worst = max(beat.stall(lambda i=i: bar.setValue(bar.maximum() * i // steps))
                for i in range(steps + 1))
    print(f"scroll the case list end to end (worst) {worst:8.1f} ms")


def start_jobs(window: MainWindow, desk: Desk, folder: Path, beat: Heartbeat) -> None:
    stats = window.statistics
    reports = folder / "reports"
    reports.mkdir()
    statistics.choose_report_path = lambda *_a: str(reports / "月报.pdf")  # type: ignore
    print(f"start the month report PDF (job)        {beat.stall(stats.export_month):8.1f} ms")
    stick = folder / "stick"
    stick.mkdir()
    print(f"start the daily backup (job)            "
          f"{beat.stall(window.start_daily_backup):8.1f} ms")
    print("start a backup to the stick (job)       "
          f"{beat.stall(lambda: run_job(lambda p: desk.backups.backup_to(stick, p), title='备份', dialog=False)):8.1f} ms")  # noqa: E501


if __name__ == "__main__":
    raise SystemExit(main())
