"""Clues a clause gives about a trigger's parties: relative clauses, support verbs, reports, receiving, "ل" doers.

Each function reads the tokens around one trigger and returns the group it points to (or a flag);
``code.arguments`` decides with them.
"""

from __future__ import annotations

from functools import lru_cache

from rasd.doc import Doc
from rasd.events.clause import Group, SentenceView
from rasd.events.victims import is_victim
from rasd.text.normalize import normalize_text

NEAR = Group((), -1, -1, "")  # a support verb right before the noun, its subject before it

# support verbs carry a verbal noun's subject, each for the kinds of act it can introduce
_VERBAL_ACTS = ("AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN")
_ANY = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
        "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # "أعلن الجيش اعتقال ...": an announced act
_SUPPORT = {
    "اعرب": _VERBAL_ACTS, "ابدي": _VERBAL_ACTS, "جدد": _VERBAL_ACTS, "اعلن": _ANY,
    "اكد": _VERBAL_ACTS, "وجه": ("REQUEST", "ACCUSE", "THREATEN"), "اصدر": ("COERCE", "SANCTION", "REQUEST"),
    "شن": ("ASSAULT", "COERCE"), "نفذ": ("ASSAULT", "COERCE"), "اطلق": ("ASSAULT", "COERCE"), "قام": ("ASSAULT", "COERCE", "CONSULT"),
    "اجري": ("CONSULT",), "عقد": ("CONSULT", "AGREE"), "فرض": ("SANCTION", "COERCE"),
    "عمد": _ANY, "باشر": _ANY,  # "عمدت الوزارة إلى اعتقال ..."
}


@lru_cache(maxsize=1)
def _support_forms() -> dict[str, tuple[str, ...]]:
    """Inflected forms of the support verbs, with the act types each introduces."""
    from rasd.events.lexicon import past_forms, present_forms

    out: dict[str, tuple[str, ...]] = {}
    for v, acts in _SUPPORT.items():
        for form in (*past_forms(v), *present_forms("ي" + (v[1:] if v.startswith("ا") else v))):
            out[form] = acts
    return out


def noun_support(doc: Doc, sv: SentenceView, i: int, event: str, triggers: frozenset[int]) -> Group | None:
    """The subject of a support verb before a verbal noun ("شنت السعودية وحلفاؤها حملة عسكرية"), if any.

    A support verb in the three words before the noun marks the noun's subject as the one before it;
    a support verb further back whose own subject follows it names the noun's subject directly.
    Another trigger in between takes the support verb for itself ("أعربت عن إدانتها لحادث التفجير").
    """
    forms = _support_forms()
    toks = doc.tokens
    for k in range(i - 1, max(sv.lo, i - 10) - 1, -1):
        if k in triggers:
            return None
        acts = next((forms[b] for b in toks[k].bases if b in forms), None)
        if acts is None:
            continue
        if event not in acts:
            return None
        g = next((g for g in sv.groups if g.i == k + 1 and g.j <= i and g.marker == "" and not g.pron), None)
        if g is None:  # "تركيا شنت خلال الأيام الماضية غارات": the support verb's subject stands before it
            g = next((g for g in sv.groups if g.j in (k, k - 1) and g.marker == "" and g.i >= sv.lo), None)
        if g is not None:
            return g
        return NEAR if i - k <= 3 else None
    return None


_PARTICLES = frozenset({"في", "من", "علي", "الي", "عن", "مع", "ان", "بان", "امس", "اليوم", "قد", "لا", "ما", "بعد", "قبل",
                        "خلال", "منذ", "ايضا", "حتي", "عند", "لدي", "بين", "ضد", "كما"})


def uncoded_next(doc: Doc, sv: SentenceView, j: int, obj_pronoun: bool = False) -> bool:
    """Whether the word after a verb is a noun that no actor group covers (its own subject).

    A definite noun always; after a verb carrying its object as a pronoun ("اتهمتهم صحف مقربة"),
    any noun, since the object is already there.
    """
    if j >= sv.hi:
        return False
    w = doc.tokens[j].norm
    if not w.startswith(("ال", "وال")) and not (obj_pronoun and w not in _PARTICLES and not w.isdigit()
                                                and not doc.raw[doc.tokens[j - 1].end : doc.tokens[j].start].strip()):
        return False
    return not any(g.i <= j < g.j for g in sv.groups)


_RECEIVE = frozenset({"تلقي", "تلقت", "تلقوا", "يتلقي", "تتلقي", "يتلقون", "استلم", "استلمت", "تسلم", "تسلمت"})
_RELATIVE = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})


def received(doc: Doc, sv: SentenceView, i: int, j: int) -> tuple[Group | None, Group | None]:
    """For a noun after "تلقى" ("تلقى X دعما من Y"), the giver Y after "من" and the receiver X before the noun."""
    toks = doc.tokens
    k = next((k for k in range(i - 1, max(sv.lo, i - 5) - 1, -1) if any(b in _RECEIVE for b in toks[k].bases)), None)
    if k is None:
        return None, None
    giver = next((g for g in sv.groups if g.i >= j and g.i - j <= 6 and g.i > 0 and toks[g.i - 1].norm == "من"), None)
    receiver = next((g for g in sv.groups if g.i == k + 1 and g.j <= i), None) or next(
        (g for g in reversed(sv.groups) if g.j <= k and k - g.j <= 2), None)
    return giver, receiver


def relative_head(doc: Doc, sv: SentenceView, i: int) -> Group | None:
    """The party a relative pronoun right before a verb stands for: "التحالف، الذي يدعم الحكومة"."""
    toks = doc.tokens
    if i - 1 < sv.lo or toks[i - 1].norm not in _RELATIVE:
        return None
    return next((g for g in sv.groups if g.j in (i - 1, i - 2) and g.marker != "place"), None)


def lam_doer(doc: Doc, sv: SentenceView, j: int) -> Group | None:
    """The party introduced by "ل" at token ``j`` or the one after: an attack's doer ("هجوم انتحاري لداعش")."""
    toks = doc.tokens
    for g in sv.groups:
        if g.i in (j, j + 1) and g.i < sv.hi and (g.i == j or not toks[j].norm.startswith(("ل", "ب", "و"))):
            tok = toks[g.i]
            a = g.actors[0]
            if a.start > tok.start and normalize_text(doc.raw[tok.start : a.start]) in ("ل", "لل"):
                return g
    return None


_DOER_VERBS = ("شن", "نفذ", "ارتكب", "تبني", "اطلق")
_DOER_FORMS = frozenset(v + end + enc for v in _DOER_VERBS for end in ("", "ت", "وا") for enc in ("", "ه", "ها", "هم"))


def relative_agent(doc: Doc, sv: SentenceView, j: int) -> Group | None:
    """The doer of a noun told in a relative clause: "الهجوم الذي نفذته إيران", "غارة شنها التحالف"."""
    toks = doc.tokens
    end = min(sv.hi, j + 4)  # a few adjectives and a relative pronoun may come between
    k = next((m for m in range(j, end) if toks[m].norm in _DOER_FORMS), None)
    if k is None:
        return None
    return next((g for g in sv.groups if g.i == k + 1 and g.marker == "" and not g.conj
                 and not all(is_victim(a) for a in g.actors)), None)


def preposed_subject(doc: Doc, sv: SentenceView, i: int) -> bool:
    """Whether a verb's clause opens with "إن/أن" and an uncoded definite noun before the verb."""
    toks = doc.tokens
    lo, _ = sv.clause(i)
    if toks[lo].norm not in ("ان", "وان", "بان") or i - lo < 2 or not toks[lo + 1].norm.startswith("ال"):
        return False
    return not any(g.i < i and g.j > lo for g in sv.groups)
