"""The command line: exact exit codes and messages, outputs that match the store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rasd.cli import EXIT_NO_INPUT, EXIT_SOME_FAILED, EXIT_USAGE, app

ARTICLE = "التقى وزير الخارجية المصري نظيره الأردني في عمان أمس لبحث الأوضاع في المنطقة.\n"
runner = CliRunner()


def _mixed_inputs(folder: Path) -> None:
    (folder / "cp1256.txt").write_bytes(ARTICLE.encode("cp1256"))
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.html").write_text("<html><head><title>x</title></head><body><div><p></div></scr", encoding="utf-8")


def test_mixed_batch_goes_on_and_reports(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _mixed_inputs(inputs)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    docs = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    by_name = {Path(d["doc_source"]).name: d for d in docs}
    assert sorted(by_name) == ["binary.txt", "broken.html", "cp1256.txt", "empty.txt", "utf16.txt"]
    assert by_name["cp1256.txt"]["errors"] == [] and by_name["utf16.txt"]["errors"] == []
    reasons = {"binary.txt": "binary file (NUL bytes)", "empty.txt": "empty file",
               "broken.html": "no text could be extracted from the HTML"}
    for bad, reason in reasons.items():
        assert [e["message"] for e in by_name[bad]["errors"]] == [reason]
        assert f"rasd run: {inputs / bad}: {reason}\n" in result.output  # the path once, then the reason
    assert "5 documents read" in result.output and "3 failed" in result.output
    # a second run adds nothing twice
    again = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert again.exit_code == EXIT_SOME_FAILED
    docs2 = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(docs2) == 5


def test_good_inputs_exit_zero(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["run", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    rec = json.loads((tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8"))
    assert rec["doc_source"] == str(src) and rec["errors"] == []
    assert (tmp_path / "out" / "events.jsonl").exists()
    assert (tmp_path / "out" / "rasd.duckdb").exists()


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert "nope.txt: no such file or folder" in result.output


def test_empty_folder_has_no_input(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == EXIT_NO_INPUT
    assert "no document found" in result.output


def test_eval_needs_gold(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path)])
    assert result.exit_code == EXIT_USAGE
    assert f"{tmp_path}: neither a gold/ folder nor ID.gold.json files" in result.output.replace("\n", "")


def test_every_command_is_documented() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"rasd {name}" in readme, name


def test_eval_ner_prints_per_class_scores(tmp_path: Path) -> None:
    conll = tmp_path / "tiny.txt"
    conll.write_text("التقى O\nبشار B-PERS\nالأسد I-PERS\nفي O\nدمشق B-LOC\n. O\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--ner", str(conll), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["ner"]
    assert set(scores) >= {"PER", "LOC", "ORG", "MISC", "micro"}
    assert scores["micro"]["gold"] == 2


def test_eval_without_anything_is_a_usage_error() -> None:
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == EXIT_USAGE
    assert "give a FOLDER, --ner FILE or --wojood PATH" in result.output
