"""Build rasd/events/data/cameo_triggers.tsv from the OEDA Arabic CAMEO verb dictionary.

Source: ../shared/data/oeda-arabic/CAMEO.ar.0.5.txt (OEDA, MIT licence), a
PETRARCH-format verb dictionary partly made by machine translation of the
English CAMEO dictionary. CAMEO codes are turned into PLOVER type, mode and
context with the official table ../shared/data/plover/CAMEO2PLOVER-2021.txt;
modes and context labels are checked against rasd/gold/data/plover.json.

Dictionary format (PETRARCH verbs file, see docs/cameo_triggers.md):

* ``&NAME`` then ``+word_`` lines: a synonym set (``_`` joins words).
* ``--- HEAD [code] ---`` opens a verb block; ``code`` is the block's primary
  code (``---`` = the bare verb codes nothing).
* ``verb   [code]   # gloss``: a verb of the block, with its own bare-verb code
  or, without one, the block's primary code; ``+`` joins a verb and its
  particle (``سيطر+على``); the gloss is the English word it was translated from.
* ``- pre * post [code] # v1,v2,...``: a pattern. ``*`` is the verb, ``$`` the
  source actor, ``+`` the target, ``(...)`` a prepositional phrase, ``{...}``
  a compound noun, ``&NAME`` a synonym set. The Arabic comment names the verbs
  of the block the pattern was written for.

Output rows (tab-separated, sorted, header line first):
``lemma_or_phrase pattern plover_type plover_mode plover_context cameo_code source``

* lemma_or_phrase: the dictionary's verb, diacritics removed, ``+``/``_`` -> space.
* pattern: empty for the bare verb; else the pattern's tokens, ``*`` = the verb,
  ``[ACTOR]`` = ``$``, ``[RECIPIENT]`` = ``+``, synonym sets kept as ``&NAME``
  (``synsets()`` returns their members); brackets dropped.
* plover_context: context labels joined by ``;`` (empty if none).
* source: ``CAMEO.ar.0.5 line N`` (the pattern line, or the verb line for a bare verb).

Rejected candidates go to cameo_triggers_rejected.tsv with the reason.
Run: .venv/bin/python scripts/build_cameo_triggers.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "data").resolve()
DICT = SHARED / "oeda-arabic" / "CAMEO.ar.0.5.txt"
TABLE = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
PLOVER = ROOT / "rasd" / "gold" / "data" / "plover.json"
OUT = ROOT / "rasd" / "events" / "data" / "cameo_triggers.tsv"
REJECTED = ROOT / "rasd" / "events" / "data" / "cameo_triggers_rejected.tsv"
SOURCE = "CAMEO.ar.0.5"

HEADER = ["lemma_or_phrase", "pattern", "plover_type", "plover_mode", "plover_context", "cameo_code", "source"]
REJ_HEADER = ["lemma_or_phrase", "pattern", "cameo_code", "reason", "source"]

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_WORD = re.compile("^[\u0621-\u063a\u0641-\u064a]+$")
_CODE = re.compile(r"\[([0-9]{2,4}|---)\]")

# Verbs whose dictionary sense is clear: the PLOVER types a pattern on them may
# plausibly code. A pattern on such a verb coding another type comes from a
# different English sense of the word that was translated (or from a wrong
# translation) and is rejected as "sense contradicts code". Keys are folded.
SENSES: dict[str, set[str]] = {
    "ندد": {"ACCUSE", "REJECT", "PROTEST"},
    "ندد ب": {"ACCUSE", "REJECT", "PROTEST"},
    "استنكر": {"ACCUSE", "REJECT"},
    "ادان": {"ACCUSE", "COERCE", "SANCTION"},
    "اتهم": {"ACCUSE", "COERCE"},
    "انتقد": {"ACCUSE"},
    "شجب": {"ACCUSE", "REJECT"},
    "هاجم": {"ASSAULT", "ACCUSE"},
    "قتل": {"ASSAULT"},
    "ذبح": {"ASSAULT"},
    "اغتال": {"ASSAULT"},
    "اعتقل": {"COERCE"},
    "اختطف": {"ASSAULT", "COERCE"},
    "خطف": {"ASSAULT", "COERCE"},
    "قصف": {"ASSAULT"},
    "رفض": {"REJECT", "ACCUSE", "SANCTION"},
    "هدد": {"THREATEN"},
    "حذر": {"THREATEN", "ACCUSE", "MOBILIZE", "SANCTION"},
    "طالب": {"REQUEST"},
    "ناشد": {"REQUEST"},
    "وافق": {"AGREE", "CONCEDE", "SUPPORT"},
    "رحب": {"SUPPORT"},
    "اشاد": {"SUPPORT"},
    "اشاد ب": {"SUPPORT"},
    "ايد": {"SUPPORT", "AGREE"},
    "دعم": {"SUPPORT", "AID", "COOPERATE"},
    "ساعد": {"AID", "COOPERATE", "SUPPORT"},
    "تبرع": {"AID"},
    "تظاهر": {"PROTEST"},
    "احتج": {"PROTEST", "ACCUSE"},
    "احتج علي": {"PROTEST", "ACCUSE"},
    "اضرب": {"PROTEST"},
    "انسحب": {"RETREAT", "SANCTION"},
    "اعتذر": {"SUPPORT"},
    "فاوض": {"CONSULT", "AGREE"},
    "تفاوض": {"CONSULT", "AGREE"},
    "زار": {"CONSULT"},
    "التقي": {"CONSULT"},
    "اجتمع": {"CONSULT", "PROTEST", "SUPPORT"},
    "استضاف": {"CONSULT", "AID"},
    "حاصر": {"COERCE", "ASSAULT", "PROTEST"},
    "داهم": {"COERCE", "ASSAULT"},
    "احتل": {"COERCE", "ASSAULT", "PROTEST"},
    "طرد": {"SANCTION", "COERCE", "REJECT"},
    "فرض": {"COERCE", "SANCTION", "THREATEN"},
    "اطلق سراح": {"RETREAT", "CONCEDE"},
    "وقع": {"AGREE", "SUPPORT", "COOPERATE", "AID"},
    "طلب": {"REQUEST", "ACCUSE"},
    "سال": {"REQUEST", "ACCUSE"},
    "اصدر": {"ACCUSE", "COERCE", "SANCTION", "THREATEN", "AGREE", "SUPPORT"},
    "اسفر عن": set(),
    "امن": set(),
    "خلف": set(),
    "شق": set(),
    "تطلع الي": set(),
    "بتر": {"ASSAULT"},
    "احرق": {"ASSAULT", "PROTEST", "COERCE"},
    "اضرم نار في": {"ASSAULT", "PROTEST", "COERCE"},
    "اوقد": {"ASSAULT", "PROTEST", "COERCE"},
    "جرح": {"ASSAULT"},
    "حجز": {"COERCE"},
    "خرج": {"PROTEST", "RETREAT", "REJECT"},
}

# A bare verb (no pattern) codes an event by itself, so its code must fit the
# English word it was translated from (the verb line's gloss). Most bare-verb
# codes of CAMEO.ar.0.5 do not: the block's primary code is inherited by every
# synonym, and many verb-line codes belong to another sense of the English verb
# (طلب "want,demand" [1383], قدم "file" [163]). Gloss -> PLOVER types a verb with
# that gloss can code on its own; a bare verb is kept only if one of its glosses
# allows the type of its code.
GLOSS_TYPES: dict[str, set[str]] = {
    "abduct": {"ASSAULT"}, "kidnap": {"ASSAULT"}, "snatch": {"ASSAULT", "COERCE"},
    "arrest": {"COERCE"}, "detain": {"COERCE"}, "seize": {"COERCE"}, "capture": {"COERCE"},
    "attack": {"ASSAULT", "ACCUSE"}, "hit": {"ASSAULT"}, "strike": {"ASSAULT", "PROTEST"},
    "battle": {"ASSAULT"}, "fight": {"ASSAULT"}, "clash": {"ASSAULT"}, "blitz": {"ASSAULT"},
    "shoot": {"ASSAULT"}, "fire": {"ASSAULT"}, "bomb": {"ASSAULT"}, "blast": {"ASSAULT"},
    "explode": {"ASSAULT"}, "kill": {"ASSAULT"}, "assassinate": {"ASSAULT"}, "pelt": {"ASSAULT", "PROTEST"},
    "torture": {"ASSAULT"}, "swoop": {"ASSAULT", "COERCE"},
    "block": {"COERCE", "PROTEST"}, "blockade": {"COERCE"}, "surround": {"COERCE"},
    "impose": {"COERCE", "SANCTION"}, "restrict": {"COERCE"}, "decree": {"COERCE"},
    "deny": {"REJECT"}, "reject": {"REJECT"}, "refuse": {"REJECT"}, "rebuff": {"REJECT"},
    "resist": {"REJECT"}, "veto": {"REJECT"}, "defy": {"REJECT"},
    "protest": {"PROTEST", "ACCUSE"}, "complain": {"ACCUSE"}, "disagree": {"ACCUSE", "REJECT"},
    "dispute": {"ACCUSE", "REJECT"}, "oppose": {"ACCUSE", "REJECT"}, "refute": {"ACCUSE", "REJECT"},
    "denounce": {"ACCUSE"}, "condemn": {"ACCUSE"}, "censure": {"ACCUSE"}, "criticize": {"ACCUSE"},
    "accuse": {"ACCUSE"}, "charge": {"ACCUSE", "COERCE"}, "blame": {"ACCUSE"}, "convict": {"ACCUSE", "SANCTION"},
    "investigate": {"ACCUSE"}, "contest": {"ACCUSE", "REJECT"},
    "demand": {"REQUEST"}, "ask": {"REQUEST"}, "request": {"REQUEST"}, "seek": {"REQUEST"},
    "appeal": {"REQUEST"}, "urge": {"REQUEST"},
    "threaten": {"THREATEN"}, "warn": {"THREATEN"}, "caution": {"THREATEN"},
    "pledge": {"AGREE"}, "promise": {"AGREE"}, "offer": {"AGREE"}, "agree": {"AGREE"},
    "accept": {"AGREE", "CONCEDE"}, "broker": {"AGREE", "CONSULT"},
    "approve": {"SUPPORT", "AGREE"}, "endorse": {"SUPPORT"}, "back": {"SUPPORT"}, "support": {"SUPPORT"},
    "praise": {"SUPPORT"}, "appreciate": {"SUPPORT"}, "defend": {"SUPPORT"}, "assure": {"SUPPORT", "AGREE"},
    "sign": {"SUPPORT", "AGREE"}, "help": {"AID", "COOPERATE"}, "assist": {"AID", "COOPERATE"},
    "give": {"AID"}, "grant": {"AID"}, "supply": {"AID"}, "provide": {"AID"},
    "release": {"RETREAT"}, "free": {"RETREAT"}, "yield": {"CONCEDE", "RETREAT"}, "abandon": {"CONCEDE", "RETREAT"},
    "withdraw": {"RETREAT", "SANCTION"}, "retreat": {"RETREAT"}, "resign": {"RETREAT", "CONCEDE"},
    "abstain": {"RETREAT", "REJECT"}, "step": {"CONCEDE"},
    "expel": {"SANCTION", "COERCE"}, "cut": {"SANCTION"}, "sever": {"SANCTION"}, "cancel": {"SANCTION", "REJECT"},
    "rescind": {"SANCTION", "REJECT"}, "repeal": {"SANCTION", "REJECT"}, "scrap": {"SANCTION", "REJECT"},
    "shut": {"SANCTION", "COERCE"},
    "talk": {"CONSULT"}, "meet": {"CONSULT"}, "visit": {"CONSULT"}, "convene": {"CONSULT"},
    "negotiate": {"CONSULT"}, "discuss": {"CONSULT"}, "attend": {"CONSULT"},
    "deploy": {"MOBILIZE"}, "mobilise": {"MOBILIZE"}, "mobilize": {"MOBILIZE"}, "patrol": {"MOBILIZE"},
    "reinforce": {"MOBILIZE"}, "rally": {"PROTEST", "SUPPORT"}, "march": {"PROTEST", "MOBILIZE"},
    "chant": {"PROTEST"},
}

# Lemmas the translation (or its stemmer) mangled: folded form -> the real verb.
# Mostly a dropped initial alif of forms IV, VII and VIII; the real form is
# usually in the dictionary too.
MISSPELT: dict[str, str] = {
    "حتج": "احتج", "نشق": "انشق", "نضم": "انضم", "صطدم": "اصطدم", "ضطر": "اضطر", "تفق": "اتفق",
    "تضح": "اتضح", "رتد": "ارتد", "متد": "امتد", "نسد": "انسد", "تصل": "اتصل", "تكل": "اتكل",
    "عطي": "أعطى", "لغي": "ألغى", "طلق": "أطلق", "رسل": "أرسل", "شعل": "أشعل", "نذر": "أنذر",
    "نهو": "أنهى", "انهو": "أنهى", "حبط": "أحبط", "ضاف": "أضاف", "ازح": "أزاح", "ازل": "أزال", "ادن": "أدان",
    "سءل": "سأل", "هرل": "هرول", "اصتدم": "اصطدم", "اجتاس": "اجتاح", "ائد": "أيد", "استوحذ علي": "استحوذ على",
    "زنا": "(no verb: 'زنى' adultery for 'close')", "متظهر": "متظاهر (a noun)", "نخب": "انتخب",
    "قرح": "اقترح", "قرع": "اقترع", "شبك": "اشتبك", "سوم": "(no verb)", "ساري": "(no verb)", "نقذ": "أنقذ",
    "نضل": "ناضل", "كفح": "كافح", "صدي": "تصدى", "هزي": "هزئ", "هكم": "تهكم", "نقش": "ناقش",
}

# Verb lines that are not verbs (nouns from the translation) or a wrong word for
# the gloss they translate; folded form -> reason. Only obvious cases.
NOT_VERBS: dict[str, str] = {
    "رسول": "noun 'messenger' for the gloss 'deliver'",
    "اساس": "noun 'basis' for the gloss 'base,set'",
    "متظهر": "noun",
}


def strip_diacritics(text: str) -> str:
    """Remove harakat, shadda, sukun, superscript alef and tatweel."""
    return _DIACRITICS.sub("", text)


def fold(text: str) -> str:
    """A matching key: no diacritics, alef/hamza/ya/teh-marbuta folded, spaces for + and _."""
    text = strip_diacritics(text).replace("+", " ").replace("_", " ")
    for src, dst in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ؤ", "و"), ("ئ", "ي"), ("ة", "ه")):
        text = text.replace(src, dst)
    return " ".join(text.split())


@dataclass
class Verb:
    line: int
    raw: str
    lemma: str
    code: str | None  # own bare-verb code
    glosses: list[str] = field(default_factory=list)  # the English words it translates


@dataclass
class Pattern:
    line: int
    raw: str
    body: str
    code: str
    targets: list[str]  # folded verbs named in the comment
    named: list[str] = field(default_factory=list)  # the same, as written (diacritics removed)


@dataclass
class Block:
    line: int
    head: str
    code: str
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


def parse(path: Path = DICT) -> tuple[dict[str, list[str]], list[Block]]:
    """Read the synonym sets and the verb blocks of a PETRARCH verb dictionary."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    section = ""
    current_set: str | None = None
    for n, raw_line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw_line.strip()
        if line.startswith("#######"):
            section = "verbs" if "VERB" in line else "synsets"
            continue
        if not line or line.startswith("#"):
            continue
        if section == "synsets":
            if line.startswith("&"):
                current_set = line.split()[0]
                synsets[current_set] = []
            elif current_set is not None:
                # members are "+word_"; a few are written reversed ("_word+")
                synsets[current_set].append(" ".join(strip_diacritics(line).strip("+_").replace("_", " ").split()))
            continue
        if line.startswith("---"):
            m = re.match(r"^---\s*(.*?)\s*\[(.*?)\]\s*---\s*$", line)
            head, code = (m.group(1), m.group(2)) if m else (line.strip("- "), "---")
            blocks.append(Block(n, strip_diacritics(head), code))
            continue
        if not blocks:
            continue
        block = blocks[-1]
        text, _, comment = line.partition("#")
        if line.startswith("-"):
            m = _CODE.search(text)
            code = m.group(1) if m else ""
            body = (text[: m.start()] if m else text)[1:].strip()
            named = [strip_diacritics(t).strip() for t in comment.split(",") if t.strip()]
            block.patterns.append(Pattern(n, line, body, code, [fold(t) for t in named], named))
        else:
            m = _CODE.search(text)
            code = m.group(1) if m else None
            word = (text[: m.start()] if m else text).strip()
            lemma = " ".join(strip_diacritics(word).replace("+", " ").replace("_", " ").split())
            glosses = [g.strip().lower() for g in comment.split(",") if g.strip()]
            block.verbs.append(Verb(n, word, lemma, code, glosses))
    return synsets, blocks


def synsets(path: Path = DICT) -> dict[str, list[str]]:
    """The dictionary's synonym sets: ``&NAME`` -> member phrases (diacritics removed)."""
    return parse(path)[0]


def load_table(path: Path = TABLE, plover: Path = PLOVER) -> dict[str, tuple[str, str, str]]:
    """CAMEO code -> (type, mode, context) from the official table, invalid modes/labels blanked."""
    spec = json.loads(plover.read_text(encoding="utf-8"))
    types, modes, labels = set(spec["types"]), spec["modes"], set(spec["context"])
    table: dict[str, tuple[str, str, str]] = {}
    for raw_line in path.read_text(encoding="utf-8").splitlines():
        line = raw_line.split("#")[0].strip()
        m = re.match(r"^([0-9]{2,4}):\s*(.*)$", line)
        if not m:
            continue
        code, rest = m.groups()
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        ptype, mode, context = parts[0], parts[1], parts[2]
        if ptype not in types:
            continue
        mode = mode if mode in modes.get(ptype, []) else ""
        ctx = ";".join(c.strip() for c in context.split(";") if c.strip() in labels)
        if len(code) == 2 and code in table and table[code][0] != ptype:
            table[code] = ("", "", "")  # 08 is both CONCEDE and RETREAT: no 2-digit fallback
            continue
        table.setdefault(code, (ptype, mode, ctx))
    return table


def lookup(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str] | None:
    """Exact code, else its 3-digit parent, else the 2-digit category (type only)."""
    if code in table and table[code][0]:
        return table[code]
    if len(code) == 4 and code[:3] in table and table[code[:3]][0]:
        return table[code[:3]]
    if code[:2] in table and table[code[:2]][0]:
        return (table[code[:2]][0], "", "")
    return None


def verb_problem(verb: Verb) -> str:
    """Why a verb line is not a usable trigger lemma ('' if it is)."""
    raw = strip_diacritics(verb.raw)
    if "،" in raw or "," in raw:
        return "malformed: several verbs run together"
    if " " in raw:
        return "malformed: stray space or transliterated word in the verb"
    words = verb.lemma.split()
    if not words or not all(_ARABIC_WORD.match(w) for w in words):
        return "malformed: non-Arabic characters"
    head = words[0]
    if len(head) < 2:
        return "malformed: one-letter verb"
    if head.endswith("ة"):
        return "not a verb: noun with teh marbuta (translation artefact)"
    if head.startswith("ال") and len(head) > 4 and not head.startswith(("الق", "الغ", "الت", "الح", "الف", "الم")):
        return "not a verb: noun with the article"
    if fold(verb.lemma) in MISSPELT:
        return "malformed: mangled lemma, read " + MISSPELT[fold(verb.lemma)]
    if fold(verb.lemma) in NOT_VERBS:
        return "not a verb: " + NOT_VERBS[fold(verb.lemma)]
    return ""


def pattern_tokens(body: str, synset_names: set[str]) -> tuple[list[str], str]:
    """The pattern's tokens with slots, or a problem."""
    spaced = re.sub(r"([*(){}])", r" \1 ", body)
    out: list[str] = []
    for tok in spaced.split():
        if tok in "(){}" or tok == "-":
            continue
        if tok == "*":
            out.append("*")
        elif tok == "$":
            out.append("[ACTOR]")
        elif tok == "+":
            out.append("[RECIPIENT]")
        elif tok.startswith("&"):
            if tok not in synset_names:
                return [], "undefined synonym set " + tok
            out.append(tok)
        else:
            word = strip_diacritics(tok).replace("_", " ")
            if not all(_ARABIC_WORD.match(w) for w in word.split()):
                return [], "malformed: non-Arabic token " + tok
            if out and out[-1] == word:
                continue  # "لاجل لاجل": a doubled word of the translation
            out.append(word)
    if out.count("*") != 1:
        return [], "malformed: no verb position" if "*" not in out else "malformed: two verb positions"
    if out == ["*"]:
        return [], "empty pattern"
    if "هوو" in out:
        return [], "malformed: transliterated English pronoun (هوو)"
    return out, ""


def build(path: Path = DICT) -> tuple[list[list[str]], list[list[str]], Counter[str]]:
    """The trigger rows, the rejected rows and counts of what was skipped."""
    syn, blocks = parse(path)
    table = load_table()
    names = set(syn)
    rows: dict[tuple[str, str, str], list[str]] = {}
    rejected: list[list[str]] = []
    stats: Counter[str] = Counter()

    def reject(lemma: str, pattern: str, code: str, reason: str, line: int) -> None:
        rejected.append([lemma, pattern, code, reason, f"{SOURCE} line {line}"])
        stats["rejected: " + reason.split(":")[0].split(" (")[0]] += 1

    def add(lemma: str, pattern: str, code: str, line: int, glosses: list[str] | None = None) -> None:
        mapped = lookup(code, table)
        if mapped is None:
            reject(lemma, pattern, code, "no PLOVER mapping (CAMEO %s dropped)" % code[:2], line)
            return
        ptype, mode, ctx = mapped
        if glosses is not None and not any(ptype in GLOSS_TYPES.get(g, ()) for g in glosses):
            reject(lemma, pattern, code, f"bare-verb code does not fit its gloss: '{','.join(glosses)}' is not {ptype}", line)
            return
        allowed = SENSES.get(fold(lemma))
        if allowed is not None and ptype not in allowed:
            reject(lemma, pattern, code, f"sense contradicts code: '{lemma}' does not mean {ptype}", line)
            return
        key = (lemma, pattern, code)
        if key in rows:
            stats["duplicate"] += 1
            return
        rows[key] = [lemma, pattern, ptype, mode, ctx, code, f"{SOURCE} line {line}"]

    for block in blocks:
        good: list[Verb] = []
        for verb in block.verbs:
            problem = verb_problem(verb)
            code = verb.code or block.code
            if problem:
                reject(verb.lemma, "", code, problem, verb.line)
            else:
                good.append(verb)
                if code != "---":
                    add(verb.lemma, "", code, verb.line, verb.glosses)
                else:
                    stats["bare verb with null code (patterns only)"] += 1
        for pat in block.patterns:
            if pat.code in ("", "---"):
                stats["pattern with null code"] += 1
                continue
            tokens, problem = pattern_tokens(pat.body, names)
            pattern = " ".join(tokens)
            if problem:
                reject("", pattern or pat.body, pat.code, problem, pat.line)
                continue
            named = [v for v in good if fold(v.lemma) in pat.targets]
            if not named:
                # the comment names none of the block's verb lines, which are then
                # usually malformed (قطعة for قطع): take the verbs it names
                stats["pattern coded on the verbs of its comment"] += 1
                for word in pat.named:
                    verb = Verb(pat.line, word, " ".join(word.replace("+", " ").replace("_", " ").split()), None)
                    problem = verb_problem(verb)
                    if problem:
                        reject(verb.lemma, pattern, pat.code, problem, pat.line)
                    else:
                        named.append(verb)
            for verb in named:
                add(verb.lemma, pattern, pat.code, pat.line)
    taken = set(rows)
    stats["rejected at one line, taken from another"] = sum(1 for r in rejected if tuple(r[:3]) in taken)
    rejected = [r for r in rejected if tuple(r[:3]) not in taken]
    unique = sorted({tuple(r[:4]): r for r in reversed(rejected)}.values())
    stats["rejected rows written (deduplicated)"] = len(unique)
    return sorted(rows.values()), unique, stats


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    text = "\t".join(header) + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    if not DICT.exists():
        sys.exit(f"missing {DICT}")
    rows, rejected, stats = build()
    _write(OUT, HEADER, rows)
    _write(REJECTED, REJ_HEADER, rejected)
    by_type = Counter(r[2] for r in rows)
    print(f"{len(rows)} triggers -> {OUT.relative_to(ROOT)}; {len(rejected)} rejected")
    for t, c in sorted(by_type.items()):
        print(f"  {t}\t{c}")
    for k, c in sorted(stats.items()):
        print(f"  {k}\t{c}")


if __name__ == "__main__":
    main()
