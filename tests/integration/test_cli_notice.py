"""`station-desk notice`: issue, archive, reprint identically; refusals exit 1."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from cli import Station, run


@pytest.fixture
def home(demo: Station) -> Path:
    """The data directory of a fresh copy of the demo station."""
    return demo.data


def cases(home: Path, *args: str) -> list[dict]:
    return json.loads(run(home, "case", "list", "--json", *args).stdout)


def test_notice_is_archived_and_reprinted_byte_for_byte(home: Path, tmp_path: Path) -> None:
    case = cases(home, "--status", "待补正")[0]
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    one = run(home, "notice", case["case_no"], "--kind", "supplement", "--out", str(first),
              "--json")
    assert one.returncode == 0, one.stderr
    two = run(home, "notice", case["case_no"], "--kind", "supplement", "--out", str(second),
              "--json")
    a, b = json.loads(one.stdout), json.loads(two.stdout)
    assert not a["reprint"] and b["reprint"] and a["sha256"] == b["sha256"]
    assert first.read_bytes() == second.read_bytes()
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(first), "-"], capture_output=True,
                              text=True).stdout
        assert case["case_no"] in text and case["applicant"]["name"] in text
        for name in case["missing"]:
            assert name in text.replace("\n", "")
    shown = json.loads(run(home, "case", "show", case["case_no"], "--json").stdout)
    assert any(e["kind"] == "告知书" for e in shown["timeline"])


@pytest.mark.parametrize(("kind", "status", "needle"), [
    ("rejection", "已受理", "不予受理"),
    ("receipt", "已受理", "办结后"),
    ("appointment", "已受理", "预约"),
    ("nonsense", "已受理", "种类"),
])
def test_refusals_exit_1_and_archive_nothing(home: Path, tmp_path: Path, kind: str,
                                             status: str, needle: str) -> None:
    case = cases(home, "--status", status)[0]
    out = tmp_path / "x.pdf"
    result = run(home, "notice", case["case_no"], "--kind", kind, "--out", str(out))
    assert result.returncode == 1 and needle in result.stderr
    assert not out.exists()


def test_out_or_print_is_required(home: Path) -> None:
    case = cases(home)[0]
    result = run(home, "notice", case["case_no"], "--kind", "one-time")
    assert result.returncode == 1 and "--out" in result.stderr
