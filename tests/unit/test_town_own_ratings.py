"""A town's archive holds its villages' ratings (they travel in the bundles for
supervision); the town's own satisfaction rate (今日, 投诉回访) counts only the
ratings of the town's own cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from station_desk.domain.cases import Status
from station_desk.domain.service import Rating
from town_stations import CLAIM, Place, register, town_with_village


def _rated(place: Place, n: int, level: Rating) -> None:
    place.desk.session.sign_in("王建国", "123456")
    case_no = register(place, n, proxy=False, item=CLAIM)
    place.desk.cases.advance(case_no, Status.COMPLETED)
    place.desk.complaints.rate(case_no, level)


def test_the_towns_rate_leaves_the_villages_ratings_out(tmp_path: Path) -> None:
    town, village, stick = town_with_village(tmp_path)
    _rated(village, 1, Rating.VERY_UNSATISFIED)
    town.desk.sync.import_bundle(village.desk.sync.export_to(stick).path)
    today = date.today()
    assert town.desk.complaints.satisfaction(today, today).rated == 0
    _rated(town, 2, Rating.SATISFIED)
    own = town.desk.complaints.satisfaction(today, today)
    assert (own.rated, own.rate) == (1, 1.0)
    assert village.desk.complaints.satisfaction(today, today).rated == 1
