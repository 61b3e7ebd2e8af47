"""The board's 事项目录 column: the same version as the town's, different, or unknown."""

from station_desk.domain.supervision import catalogue_matches, catalogue_text

TOWN = {"catalogue": "2026-11-a"}


def test_the_same_version_matches_and_needs_nothing() -> None:
    assert catalogue_matches({"catalogue": "2026-11-a"}, TOWN)
    assert catalogue_text({"catalogue": "2026-11-a"}, TOWN) == "与本中心一致"


def test_another_version_differs() -> None:
    holds = {"catalogue": "2026-09-b", "catalogue_items": 41}
    assert not catalogue_matches(holds, TOWN)
    assert catalogue_text(holds, TOWN) == "与本中心不同（41 项）"


def test_an_unreported_version_is_unknown_not_a_match() -> None:
    assert not catalogue_matches({}, TOWN)
    assert not catalogue_matches({}, {})  # neither side knows: still not "the same"
    assert catalogue_text({}, TOWN) == "未知"
