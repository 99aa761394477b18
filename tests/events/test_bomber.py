"""A suicide bomber told as the subject of "فجر": an unnamed attacker of the country struck, his victims the recipient."""

from __future__ import annotations

import pytest

from rasd.pipeline import process_text


def _events(raw: str, date: str) -> list[tuple[str, list[str], list[str], str | None]]:
    doc = process_text(raw, date=date)
    return [(e.event, [f"{a.country} {a.sector_code}" for a in e.actor],
             [f"{a.country} {a.sector_code}" for a in e.recipient], e.date) for e in doc.events]


@pytest.mark.parametrize("raw, date, expected", [
    (  # dev snn_okaz_005: the victims follow in a second clause
        "فجر انتحاري في 26 يونيو الماضي حزامه الناسف في مسجد في الكويت وقتل 26 من المصلين وأصاب 227 آخرين.",
        "2015-08-08", [("ASSAULT", ["KWT UAF"], ["KWT CVL"], "2015-06-26")],
    ),
    (  # news10k row 121: the office before which he blew himself up is struck, it does not strike
        "أعلنت وزارة الداخلية الأفغانية مقتل شخص واحد على الأقل وجرح ستة آخرين السبت، عندما فجر انتحاري نفسه "
        "أمام مقر الاستخبارات الأفغانية القريب من الحي الدبلوماسي في العاصمة كابول.",
        "2018-09-10", [("ASSAULT", ["AFG UAF"], ["AFG SPY"], "2018-09-08")],
    ),
])
def test_bomber(raw: str, date: str, expected: list) -> None:
    assert _events(raw, date) == expected


def test_dawn_is_no_bombing() -> None:
    # "فجر" is also "dawn": only "فجر انتحاري" is a bombing
    assert _events("وقع الهجوم فجر الجمعة على الحدود", "2018-09-10") == []
