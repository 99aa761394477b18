"""The pipeline: the stages in order, each a function ``Doc -> Doc``.

The order is plain code: read it top to bottom. A stage's failure is caught
here, recorded on the document with the stage's name, and the document goes
on through nothing further (a rejected document is a value with a reason).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rasd.doc import Doc, DocMeta, content_id

Stage = Callable[[Doc], Doc]


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A named stage with the layers it needs and the layers it writes."""

    name: str
    run: Stage
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _stages() -> list[StageSpec]:
    """The stages in pipeline order (imported here so a worker builds its own)."""
    from rasd.actors import run as actors_run
    from rasd.clean import clean
    from rasd.entities import run as entities_run
    from rasd.events import run as events_run
    from rasd.places import run as places_run
    from rasd.segment import segment
    from rasd.time import run as time_run
    from rasd.triggers import run as triggers_run

    specs = [
        StageSpec("clean", clean, (), ("boilerplate", "repairs", "title_span", "norm")),
        StageSpec("segment", segment, ("norm",), ("sentences", "tokens")),
        StageSpec("time", time_run, ("tokens",), ("doc_date", "doc_date_source", "times")),
        StageSpec("entities", entities_run, ("tokens",), ("entities",)),
        # actors read the document date (roles are dated) and use entity spans when there are any
        StageSpec("actors", actors_run, ("tokens", "doc_date", "entities"), ("actors",)),
        StageSpec("places", places_run, ("tokens", "entities"), ("places",)),
        StageSpec("triggers", triggers_run, ("tokens",), ("triggers",)),
        StageSpec("events", events_run, ("tokens", "times", "actors", "places", "triggers"), ("events",)),
    ]
    _check(specs)
    return specs


def _check(specs: list[StageSpec]) -> None:
    """Fail at build time if a stage needs a layer no earlier stage writes."""
    have: set[str] = set()
    for spec in specs:
        missing = [r for r in spec.requires if r not in have]
        if missing:
            raise RuntimeError(f"stage {spec.name!r} needs {missing}, which no earlier stage assigns")
        have.update(spec.assigns)


class Pipeline:
    """Runs the stages over documents; build once per process."""

    def __init__(self, stages: list[StageSpec] | None = None, doc_seconds: float | None = None) -> None:
        self.stages = stages if stages is not None else _stages()
        self.doc_seconds = doc_seconds  # a document's time budget; None: unbounded

    @property
    def names(self) -> list[str]:
        """The stage names in order."""
        return [s.name for s in self.stages]

    def __call__(self, doc: Doc) -> Doc:
        """Run every stage on ``doc``; a failing stage is recorded, not raised."""
        if doc.errors:
            return doc
        start = time.perf_counter()
        for k, spec in enumerate(self.stages):
            spent = time.perf_counter() - start
            if self.doc_seconds is not None and k and spent > self.doc_seconds:
                doc.fail("pipeline", f"time budget of {self.doc_seconds:g}s spent ({spent:.1f}s) before stage "
                                     f"{spec.name!r}: it and later stages skipped")
                return doc
            t0 = time.perf_counter()
            try:
                doc = spec.run(doc)
            except Exception as exc:  # noqa: BLE001 - a stage failure is data about the document
                doc.fail(spec.name, f"{type(exc).__name__}: {exc}")
                return doc
            finally:
                doc.stage_seconds[spec.name] = doc.stage_seconds.get(spec.name, 0.0) + time.perf_counter() - t0
        return doc

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        """Run the pipeline over many documents, lazily."""
        for doc in docs:
            yield self(doc)


_DEFAULT: Pipeline | None = None


def default_pipeline(doc_seconds: float | None = None) -> Pipeline:
    """The process-wide default pipeline, built on first use; with ``doc_seconds``, the same stages under
    that time budget per document."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT if doc_seconds is None else Pipeline(_DEFAULT.stages, doc_seconds)


def process_text(raw: str, *, source: str = "<text>", date: str | None = None, title: str | None = None,
                 doc_id: str | None = None, stages: list[str] | None = None) -> Doc:
    """Run the pipeline (or its first stages, up to and including those named) on a string."""
    doc = Doc(raw=raw, id=doc_id or content_id(raw), meta=DocMeta(source=source, kind="txt", title=title, date=date))
    pipe = default_pipeline()
    if stages is not None:
        pipe = Pipeline([s for s in pipe.stages if s.name in stages])
    return pipe(doc)
