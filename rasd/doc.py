"""The Doc: raw text as read, plus layers of frozen spans with offsets into it.

Every span stores offsets into ``Doc.raw`` and never a copy of the text:
``doc.raw[span.start:span.end]`` is what the span covers. Stages add layers
(plain fields, no global registry) and never rewrite ``raw``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rasd.text.normalize import NormView


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A stretch of page furniture (skip link, related-article line...), excluded from analysis."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Repair:
    """An obfuscated word (``raw[start:end]``) and the word it hides."""

    start: int
    end: int
    fixed: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or headline, or line) of the article body."""

    start: int
    end: int
    is_title: bool = False


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number with its normalised form and clitic readings.

    ``norm`` is the normalised (and repaired) form of the whole token.
    ``readings`` lists (proclitics, base, enclitic) analyses, the unsegmented
    reading first; ``bases`` are the distinct base forms in the same order,
    for dictionary look-ups ("بدمشق" -> ("بدمشق", "دمشق")).
    ``sent`` is the index of the token's sentence in ``Doc.sentences``.
    """

    start: int
    end: int
    norm: str
    sent: int
    readings: tuple[tuple[str, str, str], ...] = ()

    @property
    def bases(self) -> tuple[str, ...]:
        """Distinct base forms, unsegmented first."""
        seen: dict[str, None] = {}
        for _, base, _ in self.readings:
            seen.setdefault(base, None)
        return tuple(seen) or (self.norm,)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention: PER, ORG, LOC, GPE or MISC."""

    start: int
    end: int
    type: str
    source: str = "model"
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention coded as a PLOVER actor (country + sector), linked to the KB when known."""

    start: int
    end: int
    country: str
    sector_code: str
    actor_id: str | None = None
    entity_name: str | None = None
    entity_name_ar: str | None = None
    other_sector_codes: tuple[str, ...] = ()
    entity_type: str | None = None
    how: str = ""  # kb, role, nationality, capital, coref...


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression resolved to a date, month, year or range.

    ``value`` is ISO: "2021-07-01", "2021-07", "2021", or "START/END" for a range.
    ``anchor`` says what it was resolved against: absolute, document, previous.
    """

    start: int
    end: int
    value: str | None
    precision: str
    anchor: str = "absolute"
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to one gazetteer entry."""

    start: int
    end: int
    name: str
    country: str | None
    geonameid: int | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None
    resolution: str | None = None  # country, admin1, city, locality...
    is_nationality: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the article says reported an event."""

    start: int
    end: int
    sector_code: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded PLOVER event; spans point into ``raw``."""

    event: str
    trigger_start: int
    trigger_end: int
    sent_start: int
    sent_end: int
    actor: tuple[Actor, ...]
    recipient: tuple[Actor, ...] = ()
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    date: str | None = None
    date_precision: str = "document"
    place: Place | None = None
    attribution: Attribution | None = None
    quad_code: int | None = None
    mentions: tuple[tuple[int, int], ...] = ()  # other (sent_start, sent_end) telling the same event


@dataclass(frozen=True, slots=True)
class TriggerSpan:
    """A candidate event trigger: tokens ``[i, j)`` at raw ``[start, end)`` may tell an act of ``event``.

    Candidates come before any filter: the events stage decides which are acts. ``entry`` is the lexicon
    entry that produced it and ``source`` the lexicon it belongs to ("lexicon": the hand lexicon's surface
    forms, which the events stage codes; "lemma": a lemma-level match); ``value`` the entry's own record.
    """

    start: int
    end: int
    i: int
    j: int
    event: str
    mode: str | None
    entry: str
    source: str
    proclitics: str = ""
    enclitic: str = ""
    value: Any = None


@dataclass(frozen=True, slots=True)
class DocError:
    """Something that went wrong with a document, recorded with the stage that saw it."""

    stage: str
    message: str


@dataclass(slots=True)
class DocMeta:
    """Where a document came from and what its source said about it."""

    source: str
    kind: str  # txt, jsonl, html, warc
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # ISO date given by metadata
    extra: dict[str, Any] = field(default_factory=dict)


def content_id(data: bytes | str) -> str:
    """A 16-hex-digit content hash: the document id when the input gives none."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


@dataclass(slots=True)
class Doc:
    """One article: the raw text, its metadata, and the layers stages add."""

    raw: str
    id: str
    meta: DocMeta
    errors: list[DocError] = field(default_factory=list)
    warnings: list[DocError] = field(default_factory=list)  # processed, but something was changed or cut
    page: str | None = None  # the HTML page an article was extracted from, kept for the store
    # clean
    boilerplate: tuple[Boilerplate, ...] = ()
    repairs: tuple[Repair, ...] = ()
    title_span: tuple[int, int] | None = None
    norm: NormView | None = None
    # segment
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    # entities / actors
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    # time
    doc_date: str | None = None
    doc_date_source: str = "none"
    times: tuple[TimeExpr, ...] = ()
    # places
    places: tuple[Place, ...] = ()
    # triggers
    triggers: tuple[TriggerSpan, ...] = ()
    # events
    events: tuple[Event, ...] = ()
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def title(self) -> str | None:
        """The title as it stands in ``raw`` (or as metadata gave it)."""
        if self.title_span is not None:
            return self.raw[self.title_span[0] : self.title_span[1]]
        return self.meta.title

    @property
    def source(self) -> str:
        """Where the document was read from, as the user named it."""
        return self.meta.source

    def text(self, start: int, end: int) -> str:
        """The raw characters of a span."""
        return self.raw[start:end]

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """The tokens of sentence ``index`` (tokens are ordered by offset)."""
        return tuple(t for t in self.tokens if t.sent == index)

    def fail(self, stage: str, message: str) -> None:
        """Record an error on this document."""
        self.errors.append(DocError(stage, message))

    def warn(self, stage: str, message: str) -> None:
        """Record a warning: the document was processed, but the user should know what was done to it."""
        self.warnings.append(DocError(stage, message))
