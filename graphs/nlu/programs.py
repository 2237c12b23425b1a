"""Program mentions: official names, abbreviations, colloquial and wrong names, in four languages.

The aliases live in `aliases.yaml` next to this module, keyed by program id.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from tools.vietnamese import fold_latin
from tools.yamlio import safe_load

ALIASES_PATH = Path(__file__).with_name("aliases.yaml")
DESCRIPTIONS_PATH = Path(__file__).with_name("descriptions.yaml")

_RECEIVING_AFTER = re.compile(
    r"^(?:을|를|은|는|도|만)?(?:받어유(?![?？])|받어요(?![?？])|받[고구](?!싶|시|나(?:면|서)|서|프|파|잡)|받고있|받고잇|받구있|받구잇|받고계|받는중|받는데|받아요|수급중|수급하고|수급자|수급잔(?:데|디)|수급(?:가구|가정|세대|家庭|户)|자(?!격|자격|가?되|이?되|신청|될|[가이]?(?:안|못)\s?(?:되|돼|될|받))|받으면서|받으시고|받으시는|받으세요|받으심|받으셔|받으십니다|받으시거든|타고있|나오고있|받습니다"
    r"|받(?:어|아)(?=$|[.,!~。，ㅋㅎ])|받음(?![?？])|받는다(?![?？])"  # "나 생계급여 받어": said, not asked
    r"|받는(?:할매|할배|할머니|할아버지|사람|노인|어르신|엄마|아빠|처지|입장|집|가구|세대)"
    r"|받는(?:거|것)(?:랑|이랑|하고|과|도|에|이|까지|합쳐)"  # "기초연금 받는거랑 아들이 주는거 합쳐서": held
    # "의료급여 1종이세요", "의료급여 일종임": a grade is held, not asked for
    r"|[12일이]종(?:이(?!랑|나|든|면|라도|나요|면은)|수급|임|입|인(?!지)|예|이에|이세|이라|이고|이구))"
)
#: A status said of oneself ("차상위라", "수급자인데"): the program is held, not asked about.
_STATUS_AFTER = re.compile(
    r"^(?:할매|할배|할머니|할아버지|노인|어르신|가구|세대|가정)(?!\S{0,3}(?:되|될|인지))"  # "수급자 할매여"
    r"|^(?:이)?(?:라서|라(?!는|고|던|면|도)|인데|인디|인께|잉께|이니께|이에요(?![?？])|예요(?![?？])|에요(?![?？])|임|[고구](?!싶|있|계|민))|^(?:家庭|户|家)(?!吗|嘛)"
    r"|^(?:가|이)?(?:됐|되었|돼서|되어서)(?!나|어요\?|는지)"  # "수급자 됐는데": the status is hers now
)
#: A status said of oneself before its name, in a sentence of another language ("我们是차상위", "we are 차상위",
#: "chúng tôi là 차상위"; compact, folded).
_STATUS_BEFORE = re.compile(
    r"(?:我们家里?|我们|我家里?|家里|我|咱们|咱家)(?:是|属于)(?:[^是]{0,4}[(（])?$|(?:we're|weare|i'm|iam|im|they're|theyre|theyare|she's|sheis|he's|heis)(?:a|the|both|all)?$|(?:^|since|as|coz|cuz|because|bc|and|so|but)(?:wer|ur|ir)$"
    r"|(?:chungtoi|chungem|toi|em|nhatoi|nhaem|giadinhtoi|giadinhem)(?:la|thuoc(?:dien)?)$"
)
#: A status's certificate held ("차상위 확인서 있어요", "đã có giấy xác nhận 차상위", "I have a 차상위 certificate",
#: "我有次上位证明"; compact, folded): the status is hers.
_CERTIFICATE_AFTER = re.compile(
    r"^(?:계층)?(?:확인서|증명서)(?:가|는|도|를|은)?(?:있(?:어|음|고|는데|습|다|거든)|이씀|나왔|받았|발급받|떼놨|뗐)"
)
_CERTIFICATE_BEFORE = re.compile(
    r"(?:i|we)(?:have|'ve|got)(?:got)?(?:a|the|my|our)?$|(?:我|我们|我家)(?:有|拿到了|办了)$"
    r"|(?:da)?(?:co|nhan duoc|nhanduoc|duoccap)(?:giay|the)(?:xacnhan)?$"
)
#: "我是차상위吗?": whether she is, asked.
_ASKED_AFTER = re.compile(r"(?:吗|嘛|么|\?|？|khong|ko(?![a-z])|hay|not|or)")
_STATUSES = frozenset({"near_poverty", "livelihood_benefit"})
#: The status word alone, said after the program it is of ("생계급여 수급자").
_BARE_STATUS = frozenset({"수급자", "수급", "수급가구"})
#: A status denied right after its name (spaces removed): "수급자는 아닌데", "차상위도 아니에요".
_STATUS_DENIED_AFTER = re.compile(r"^(?:는|은|가|이|도)?(?:아닌|아니|아녀|아냐|아님)")
#: A program denied right before its name (compact, folded): "No 기초생활수급", "没有低保", "không có 차상위":
#: neither asked for nor received. "有没有低保" and "có … không" ask instead.
_DENIED_BEFORE = re.compile(
    r"(?:^|[^a-z]|and|but|with|nor)no$|(?:^|[^a-z]|i'm|im|iam|we're|are|is|was|she's|he's)(?:not|noton|nor|neither)$|(?:don't|dont|didn't|didnt|never)(?:get|have|receive)$"
    r"|(?<!有)没有$|没(?:领|拿|申请)(?:过)?$|不是$|(?:khong|chua)(?:co|nhan|phai)$"
)
#: A benefit that ended ("생계급여는 끊기고", "livelihood benefit was cut"; compact, folded): neither asked for nor
#: received now.
_ENDED_AFTER = re.compile(
    r"^(?:은|는|이|가|도)?(?:끊기|끊겼|끊어졌|끊긴|끊겨|탈락|중지|중단되|없어졌)|^(?:을|를)?받(?:다가|았었)|^(?:was|got)(?:cut|stopped)|^(?:停了|被取消|取消了|断了)"
)
#: Whether a benefit will stop, asked ("아동수당 끊기는거 아니에요?", "65 되면 장애인연금 끊기나요"): about a benefit she
#: receives (named so elsewhere in the message), a rule question; otherwise the program asked about.
_ENDING_ASKED = re.compile(r"^(?:은|는|이|가|도)?끊기(?:나|는(?:거|건|지|게)|면|ㄹ)")
#: A benefit held before, said so ("以前是生计给付受给者", "I used to be on …", "trước đây là …"; compact, folded).
_FORMERLY_BEFORE = re.compile(
    r"(?:以前是|原来是|之前是|曾经是|以前领|usedtobeon(?:the)?|usedtoget|truocdayla|truocdaynhan)$"
)
#: A status she now holds, said as a change ("차상위로 바뀌었대요", "차상위로 전환").
_BECAME_AFTER = re.compile(r"^(?:으로|로)(?:바뀌|바꼈|전환|변경)")
_RECEIVING_BEFORE = re.compile(
    r"(?:alreadyget|alreadyreceive|receiving|(?:and|i'm|im|iam|we're|were|weare|they're|theyre|theyare|she's|sheis|he's|heis)(?:both|all)?on|(?<!can)(?<!could)(?<!do)(?<!will)(?<!would)(?<!may)(?<!how)(?<!when)(?<!where)(?<!and)"
    r"(?<!does)(?<!did)(?:ireceive|wereceive|iget|weget|(?:(?<!s)he|she|they|mom|dad|mother|father)(?:gets|receives|get|receive))(?:the)?"
    r"|(?:besides|apartfrom|ontopof|inadditionto)(?:the|his|her|my)?|i'mgetting|imgetting|iamgetting|i'monthe|iamonthe|"
    r"(?:^|[^a-z])only|正在领|已经领|在领|领着|在拿|每月领|我领|只领|只拿|只有|还在领"
    r"|(?:^|[我妈爸她他们奶爷姥婆伴公家，,。；了])(?:也|都|还)?(?:拿|领)着?|chico|chinhan|dangnhan|danghuong|danglanh|dangduocnhan|duochuong|dangduochuong"
    r"|(?:me|bo|ba|ong|chong|vo|con)(?:toi|em|minh)nhan|(?:toi|em|minh|ba|ong|me|bo|chi|anh|co|chu|bac)(?:chi)?nhan)(?:dien|chedo|the)?$"
)
#: "Bà nhận 기초연금 được không?", "拿기초연금吗": the receiving said before the name is asked after it (compact,
#: folded).
_RECEIVING_ASKED_AFTER = re.compile(r"^(?:duoc|dc)?(?:kho|ko(?![a-z])|chua)|^(?:吗|嘛|么|不|没)")


def _fold(char: str) -> str:
    folded = fold_latin(char)
    return folded[:1] or char  # one character in, one out: mention offsets index the compact text


def compact_marked(text: str) -> str:
    """`compact` without the folding: the same length, so mention offsets index both."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())


def compact(text: str) -> str:
    """Normalized matching form: NFKC, lower case, no whitespace, Latin diacritics folded (so "tro cap nuoi con"
    typed without marks names the same program as "trợ cấp nuôi con")."""
    lowered = compact_marked(text)
    return lowered if lowered.isascii() else "".join(map(_fold, lowered))


@dataclass(frozen=True)
class Mention:
    """One program mention: the program ids it names, the alias matched, and whether the citizen already gets it."""

    program_ids: tuple[str, ...]
    alias: str
    start: int
    end: int
    receiving: bool
    denied: bool = False
    """A status she says is not hers ("수급자는 아닌데"): neither asked for nor received."""
    at_stake: bool = False
    """What another program might do to it ("장애수당 받으믄 기초수급 짤리는거 아니여?"): held, when another is
    asked about."""


#: What would befall a program she has: "기초수급 짤리는거 아니여?", "생계급여 깎이나요" (compact).
_AT_STAKE_AFTER = re.compile(
    r"^(?:비|금)?(?:이|가|은|는|도)?(?:짤리|짤린|짤릴|짤려|잘리|잘린|잘릴|잘려|끊기|끊긴|끊길|끊겨|깎이|깎인|깎일|깎여|깍이|깍여|탈락)"
)


@lru_cache(maxsize=1)
def load_aliases() -> dict[str, tuple[str, ...]]:
    """Compact alias → program ids, from `aliases.yaml`."""
    data = safe_load(ALIASES_PATH.read_text(encoding="utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        if key == "_ambiguous":
            for alias, ids in value.items():
                table[compact(alias)] = tuple(ids)
        else:
            for alias in value:
                table.setdefault(compact(alias), (key,))
    return table


@lru_cache(maxsize=1)
def _by_first_char() -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for alias in load_aliases():
        index.setdefault(alias[0], []).append(alias)
    for aliases in index.values():
        aliases.sort(key=len, reverse=True)
    return index


def find_mentions(text: str) -> list[Mention]:
    """Program mentions in `text`, longest alias first, non-overlapping, in order of appearance."""
    table = load_aliases()
    index = _by_first_char()
    norm = compact(text)
    found: list[Mention] = []
    i = 0
    while i < len(norm):
        for alias in index.get(norm[i], ()):
            if norm.startswith(alias, i):
                end = i + len(alias)
                after = norm[end : end + 8]
                receiving = (
                    bool(_RECEIVING_AFTER.match(after))
                    or (
                        bool(_RECEIVING_BEFORE.search(norm[max(0, i - 14) : i]))
                        and not _RECEIVING_ASKED_AFTER.match(after)
                    )
                    or (
                        bool(set(table[alias]) & _STATUSES)
                        and bool(
                            _STATUS_AFTER.match(after)
                            or (
                                _STATUS_BEFORE.search(norm[max(0, i - 12) : i])
                                and not _ASKED_AFTER.match(after)
                            )
                        )
                    )
                )
                ended = bool(_ENDED_AFTER.match(after)) and not _ENDING_ASKED.match(after)
                denied = (
                    bool(set(table[alias]) & _STATUSES) and bool(_STATUS_DENIED_AFTER.match(after))
                ) or bool(
                    ended
                    or _FORMERLY_BEFORE.search(norm[max(0, i - 12) : i])
                    or (_DENIED_BEFORE.search(norm[max(0, i - 10) : i]) and not _ASKED_AFTER.match(after))
                )
                receiving = receiving or bool(_BECAME_AFTER.match(after))
                if set(table[alias]) & _STATUSES and not receiving:
                    receiving = bool(
                        _CERTIFICATE_AFTER.match(norm[end : end + 12])
                        or _CERTIFICATE_BEFORE.search(norm[max(0, i - 20) : i])
                    )
                at_stake = bool(_AT_STAKE_AFTER.match(after)) and not receiving and not denied
                found.append(Mention(table[alias], alias, i, end, receiving and not denied, denied, at_stake))
                i = end
                break
        else:
            i += 1
    held = {ids for m in found if m.receiving for ids in [m.program_ids]}
    found = [
        replace(m, denied=True)
        if m.program_ids in held and not m.receiving and _ENDING_ASKED.match(norm[m.end : m.end + 8])
        else m
        for m in found
    ]
    for j in range(len(found) - 1):
        # "기초수급자 생계급여 신청할라구": the status names the program that follows it, not a receipt (but
        # "생계급여 수급자 됐는데": the program, then the status it made her)
        same = found[j].program_ids == found[j + 1].program_ids
        if (
            same
            and found[j + 1].alias not in _BARE_STATUS
            and found[j].receiving
            and not found[j + 1].receiving
            and found[j + 1].start - found[j].end <= 1
        ):
            found[j] = replace(found[j], receiving=False)
    for j in range(len(found) - 2, -1, -1):
        # "아동수당이랑 부모급여 받아요": the receipt said after a list is said of each of its programs
        if found[j + 1].receiving and _LIST_JOIN.fullmatch(norm[found[j].end : found[j + 1].start]):
            found[j] = replace(found[j], receiving=True)
    # "교육급여수급자": the status word right after a program is that program's, not 기초생활수급 asked about
    found = [
        m
        for j, m in enumerate(found)
        if not (
            j
            and m.alias in _BARE_STATUS
            and found[j - 1].program_ids != m.program_ids
            and m.start - found[j - 1].end <= 1
        )
    ]
    chained = False
    for j in range(len(found) - 1):
        # "I get child allowance and parent benefit", "He gets A and B, plus the C": the receipt said before a
        # list, of each of them
        before = norm[max(0, found[j].start - 14) : found[j].start]
        chained = found[j].receiving and (chained or bool(_RECEIVING_BEFORE.search(before)))
        if chained and _LIST_JOIN.fullmatch(norm[found[j].end : found[j + 1].start]):
            found[j + 1] = replace(found[j + 1], receiving=True)
        else:
            chained = False
    return found


#: What joins two programs of one list (spaces removed): "이랑", "하고", ",", "and", "和", "và".
#: Between two programs of one list (compact): "이랑", "and", ", plus the", "(saenggye) and".
_LIST_JOIN = re.compile(
    r"(?:[(（][^)）]{0,16}[)）])?(?:이?랑|하고|와|과|도|[,，、/]|and|&|和|跟|与|va|và|voi|với|,?plus|,?aswellas)(?:도|the|also)?"
)


def _unique(ids: list[str]) -> list[str]:
    seen: list[str] = []
    for pid in ids:
        if pid not in seen:
            seen.append(pid)
    return seen


@dataclass(frozen=True)
class _Description:
    program_id: str
    required: tuple[re.Pattern[str], ...]
    unless: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def load_descriptions() -> tuple[_Description, ...]:
    """The description rules of `descriptions.yaml`, compiled."""
    data = safe_load(DESCRIPTIONS_PATH.read_text(encoding="utf-8"))
    return tuple(
        _Description(
            program_id,
            tuple(re.compile(fold_latin(p), re.IGNORECASE) for p in rule["all"]),
            tuple(re.compile(fold_latin(p), re.IGNORECASE) for p in rule.get("unless", [])),
        )
        for program_id, rules in data.items()
        for rule in rules
    )


def described_programs(text: str) -> list[str]:
    """Programs the message describes without naming them ("누가 집에 와서 들여다봐주는 거", "겨울 난방비 나오는
    그거", "someone who can visit her"), in the order the descriptions begin."""
    norm = fold_latin(unicodedata.normalize("NFKC", text))  # Vietnamese with or without its marks
    found: list[tuple[int, str]] = []
    for rule in load_descriptions():
        if any(p.search(norm) for p in rule.unless):
            continue
        starts = [m.start() for p in rule.required if (m := p.search(norm))]
        if len(starts) == len(rule.required):
            found.append((min(starts), rule.program_id))
    return _unique([pid for _, pid in sorted(found)])


_LATIN_WORD = re.compile(r"[A-Za-z]+")
MIN_RESPELT = 5
"""Words shorter than this are never respelt: "care" and "card" are different words, "pention" is "pension"."""


def _one_edit(a: str, b: str) -> bool:
    """Whether `a` and `b` differ by at most one inserted, deleted or replaced letter."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


@lru_cache(maxsize=1)
def _latin_aliases() -> frozenset[tuple[str, ...]]:
    """The English and unmarked names of `aliases.yaml`, as word tuples, for `respelt`."""
    data = safe_load(ALIASES_PATH.read_text(encoding="utf-8"))
    names = {
        tuple(alias.lower().split())
        for key, value in data.items()
        for alias in (value if key != "_ambiguous" else value.keys())
        if isinstance(alias, str) and re.fullmatch(r"[A-Za-z' -]+", alias)
    }
    return frozenset(n for n in names if any(len(w) >= MIN_RESPELT for w in n))


def _close(said: str, word: str) -> bool:
    return said == word or (len(word) >= MIN_RESPELT and _one_edit(said, word))


def respelt(text: str) -> str:
    """`text` with a misspelt English program name written as the name ("disability pention", "livelihood
    allowence" → the alias): each word equal to the name's word, or one letter off in a word of five or more."""
    words = list(_LATIN_WORD.finditer(text))
    lowered = [w.group(0).lower() for w in words]
    spans: list[tuple[int, int, str]] = []
    names = _latin_aliases()
    for name in names:
        for i in range(len(words) - len(name) + 1):
            said = lowered[i : i + len(name)]
            if tuple(said) not in names and all(_close(s, w) for s, w in zip(said, name, strict=True)):
                spans.append((words[i].start(), words[i + len(name) - 1].end(), " ".join(name)))
    out: list[str] = []
    last = 0
    for start, end, written in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= last:
            out += [text[last:start], written]
            last = end
    return "".join([*out, text[last:]])


_JAMO = re.compile(r"(?<=[가-힣])[\u3131-\u318e]+(?=[가-힣])")
_HANGUL_RUN = re.compile(r"[가-힣]{6,}")
MIN_KOREAN_RESPELT = 6
"""Korean names shorter than this are never respelt: a syllable off in "아동수당" may be another word."""


@lru_cache(maxsize=1)
def _long_korean_aliases() -> tuple[str, ...]:
    return tuple(a for a in load_aliases() if len(a) >= MIN_KOREAN_RESPELT and re.fullmatch(r"[가-힣]+", a))


def respelt_korean(text: str) -> str:
    """`text` with a Korean program name typed one syllable wrong, or with a stray letter in it, written as the
    name ("국민취업지웓ㄴ제도" → 국민취업지원제도): names of six syllables or more only."""
    text = _JAMO.sub("", text)
    names = _long_korean_aliases()
    out = text
    for run in _HANGUL_RUN.finditer(text):
        word = run.group(0)
        for name in names:
            if name in word:
                continue
            size = len(name)
            for i in range(len(word) - size + 1):
                window = word[i : i + size]
                if window in names:
                    continue  # a name itself ("기초생활수급자"), not a typo of another ("기초생활수급비")
                if sum(a != b for a, b in zip(window, name, strict=True)) == 1:
                    out = out.replace(window, name)
                    break
    return out


#: Two programs sharing one head noun: "livelihood or medical benefit", "생계나 의료급여", "생계랑 주거급여".
_SHARED_HEAD = (
    re.compile(
        r"\b([a-z]+)(\s*(?:or|and|/|,)\s*[a-z]+\s+(benefits?|aid|allowances?|assistance|pensions?)\b)", re.I
    ),
    re.compile(r"([가-힣]{2})((?:이나|나|이랑|랑|하고|와|과|,|/)\s?[가-힣]{2}(급여|수당|연금))"),
)


def shared_heads(text: str) -> str:
    """`text` with a head noun two programs share said for each: "livelihood or medical benefit" becomes
    "livelihood benefit or medical benefit" when "livelihood benefit" names a program (only then)."""
    for pattern in _SHARED_HEAD:

        def spelt(m: re.Match[str]) -> str:
            whole = f"{m.group(1)} {m.group(3)}" if m.group(1).isascii() else m.group(1) + m.group(3)
            named = find_mentions(whole)
            if named and named[0].start == 0 and named[0].end == len(compact(whole)):
                return f"{whole}{m.group(2)}"
            return m.group(0)

        text = pattern.sub(spelt, text)
    return text


def detect_programs(text: str) -> tuple[list[str], list[str]]:
    """(programs asked about, programs the citizen says she already receives), as program ids: named (aliases,
    an English name misspelt by a letter included) or described (`descriptions.yaml`)."""
    text = shared_heads(respelt_korean(respelt(text)))
    asked: list[str] = []
    receiving: list[str] = []
    bare: list[str] = []  # asked only by a bare status word ("수급자는 …")
    mentions = find_mentions(text)
    others = any(m.program_ids and not (m.receiving or m.denied or m.at_stake) for m in mentions)
    for mention in mentions:
        if not mention.denied:
            held = mention.receiving or (mention.at_stake and others)
            (receiving if held else asked).extend(mention.program_ids)
            if not held and mention.alias in _BARE_STATUS:
                bare.extend(mention.program_ids)
        elif _GET_AGAIN.search(text):
            asked.extend(mention.program_ids)  # "생계급여가 끊겼는데 다시 받을 수 있나요": asked for again
    # a name of no checked program ("기초생활수급자를 위한 요금감면제도") describes none either
    for mention in (m for m in mentions if not m.program_ids):
        text = re.sub(r"\s*".join(map(re.escape, mention.alias)), " ", text, flags=re.I)
    asked += [p for p in described_programs(text) if p not in receiving]
    # "수급자는 나라쌀 싸게 산다던데 … 나 생계급여 받어": the bare status word is the class she says is hers
    asked = [p for p in asked if not (p in receiving and p in bare)]
    if _CAN_I_GET.search(text):
        # "기초수급자 생계비 그거 받을 수 있나?": the status named as the program's name, asked for
        receiving = [p for p in receiving if p not in asked]
    return _unique(asked), _unique(receiving)


_GET_AGAIN = re.compile(
    r"다시\s?(?:받|신청)|(?:get|receive|apply for) it again|re-?apply|重新(?:申请|领)|再(?:次)?(?:申请|领)"
    r"|(?:nhận|đăng ký|xin) lại",
    re.I,
)
_CAN_I_GET = re.compile(
    r"받을\s?수\s?있|받을\s?수\s?있나|되나요?\??$|되냐|될까|\bcan i get\b|能(?:领|拿|申请)|được (?:nhận|hưởng) không",
    re.I,
)
