"""Merging what a message says into the household collected so far (later statements win)."""

from __future__ import annotations

import copy
import re
from typing import Any

from tools.eligibility.household import Household, HouseholdInputError, parse_household

LIST_FIELDS = ("crisis", "receiving")
_AGE_KEYS = frozenset({"age", "months_old", "birth_date"})


def _ages_differ(known: dict[str, Any], stated: dict[str, Any]) -> bool:
    """Whether `stated` gives an age (or months, or birth date) that `known` already has otherwise, or
    gives an infant's months or birth date to a member of known age."""
    ages = _AGE_KEYS & stated.keys()
    return any(k in known and known[k] != stated[k] for k in ages) or bool(
        ages and ages <= {"months_old", "birth_date"} and "age" in known and not ages & known.keys()
    )


def same_birth_order(member: dict[str, Any], known: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The known member of the same relation and birth order as `member`, if it has one."""
    if "birth_order" not in member:
        return None
    return next(
        (
            m
            for m in known
            if m.get("relation") == member.get("relation") and m.get("birth_order") == member["birth_order"]
        ),
        None,
    )


def without_rank(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The members without the eldest/youngest mark a message's reading may carry (never stored)."""
    return [{k: v for k, v in m.items() if k != "rank"} for m in members]


def _ranked(rank: str | None, member: dict[str, Any], known: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The eldest or the youngest known member of the relation (`rank`), when two or more have an age."""
    aged = [m for m in known if m.get("relation") == member.get("relation") and _years(m) is not None]
    if rank is None or len(aged) < 2:
        return None
    pick = max if rank == "eldest" else min
    return pick(aged, key=lambda m: _years(m) or 0.0)


def _years(member: dict[str, Any]) -> float | None:
    if "age" in member:
        return float(member["age"])
    return member["months_old"] / 12 if "months_old" in member else None


def _same_age(
    member: dict[str, Any], known: list[dict[str, Any]], claimed: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The known member of the same relation whose age `member` repeats ("신생아" when the newborn is known),
    so that the other ages stated with it go to the other members."""
    shared = _AGE_KEYS & member.keys()
    if member.get("relation") in (None, "self") or not shared:
        return None
    return next(
        (
            m
            for m in known
            if m.get("relation") == member.get("relation")
            and all(m is not c for c in claimed)
            and shared & m.keys()
            and all(m[k] == member[k] for k in shared & m.keys())
        ),
        None,
    )


def _merge_members(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    members = copy.deepcopy(old) or [{"relation": "self"}]
    ranks = [m.get("rank") for m in new]
    new = without_rank(new)
    new_self = next((m for m in new if m.get("relation") == "self"), None)
    rank_of = {id(m): r for m, r in zip(new, ranks, strict=True)}
    others = infant_takes_order([m for m in new if m is not new_self], members)
    if new_self is not None:
        current = next((m for m in members if m.get("relation") == "self"), None)
        if current is None:
            members.insert(0, dict(new_self))
        else:
            current.update({k: v for k, v in new_self.items() if v is not None})
    # A child named by its birth order is the child of that order already known ("둘째 낳았어요", then "첫째는
    # 네 살이고 둘째는 지난달에 태어났어요"); the others go to the remaining members.
    claimed: list[dict[str, Any]] = []
    rest = []
    for member in others:
        ordered = (
            _ranked(rank_of.get(id(member)), member, members)
            or same_birth_order(member, members)
            or _same_age(member, members, claimed)
        )
        if ordered is None:
            rest.append(member)
        else:
            ordered.update({k: v for k, v in member.items() if v is not None})
            claimed.append(ordered)
    # Members named in passing ("남편 월급 300이요") add to the household or update the member of that
    # relation; they never drop anyone. Who lives together is replaced only by `members_replace`.
    others = rest
    for index, member in enumerate(others):
        relation = member.get("relation")
        if relation is None and len(members) >= len(new):
            continue  # "for the two of us" said of a household already of two: no one new
        seen = sum(1 for m in others[:index] if m.get("relation") == relation)
        same = [
            m
            for m in members
            if m.get("relation") == relation
            and m.get("relation") != "self"
            and all(m is not c for c in claimed)
            # not a child of another birth order ("둘째 낳았어요", then "첫째는 세살"): another child
            and not (
                m.get("birth_order")
                and member.get("birth_order")
                and m["birth_order"] != member["birth_order"]
            )
            # nor the baby announced as her second ("둘째 낳았어요", then "큰애는 네살이에요": the eldest is another)
            and not (rank_of.get(id(member)) == "eldest" and (m.get("birth_order") or 1) > 1)
        ]
        placeholder = next((m for m in members if m.get("relation") is None), None)
        # An age goes to a member of that relation whose age is not known yet ("첫째 5살, 둘째 3살", then
        # "2026년 1월생이에요" is the third child's), before it would overwrite a known one.
        unaged = None
        differs = seen < len(same) and _ages_differ(same[seen], member)
        if differs:
            unaged = next((m for m in same if not _AGE_KEYS & m.keys()), None)
            if unaged is None and _AGE_KEYS & member.keys() <= {"months_old", "birth_date"}:
                # "첫째 4살, 십일 개월", then "2025년 12월 28일생이에요": an infant's date is the infant's
                unaged = next((m for m in same if _is_infant(m) and "birth_date" not in m), None)
        if unaged is not None:
            unaged.update({k: v for k, v in member.items() if v is not None})
        elif (
            differs
            and relation == "child"
            and _is_infant(same[seen])
            and (same[seen].get("months_old") or 0) < 12 <= 12 * (member.get("age") or 0)
        ):
            members.append(dict(member))  # "bé lớn 3 tuổi" beside the newborn told before: another child
        elif seen < len(same):
            same[seen].update({k: v for k, v in member.items() if v is not None})
        elif (
            placeholder is not None and relation is not None
        ):  # "3명", then "아내랑 애": they get their relation
            placeholder.update({k: v for k, v in member.items() if v is not None})
        else:
            members.append(dict(member))
    return _order_to_infant(members)


def _is_infant(member: dict[str, Any]) -> bool:
    return "months_old" in member or "birth_date" in member or member.get("age") == 0


def _order_to_infant(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The birth order of a birth she announced ("셋째 낳았어요") stays with the baby: when the children's ages
    come later in age order ("첫째 7세, 둘째 4세, 막내 두 달"), the first age lands on the announced member."""
    children = [m for m in members if m.get("relation") == "child"]
    ordered = [c for c in children if "birth_order" in c and not _is_infant(c) and "age" in c]
    infants = [c for c in children if _is_infant(c) and "birth_order" not in c]
    if len(ordered) == 1 and len(infants) == 1 and ordered[0]["birth_order"] == len(children):
        infants[0]["birth_order"] = ordered[0].pop("birth_order")
    return members


def infant_takes_order(stated: list[dict[str, Any]], previous: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The one baby of a household statement is the birth announced before ("둘째 낳았어요", then "큰애 네살,
    신생아 이렇게 넷이요"): it takes that child's birth order, so the older child is not mistaken for it."""
    announced = [p for p in previous if "birth_order" in p and not _AGE_KEYS & p.keys()]
    infants = [m for m in stated if _is_infant(m) and "birth_order" not in m]
    if len(announced) != 1 or len(infants) != 1:
        return stated
    return [{**m, "birth_order": announced[0]["birth_order"]} if m is infants[0] else m for m in stated]


def replace_members(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A new statement of who lives together: `new` members, keeping what was known of the applicant and of
    members of the same relation, in the same order."""
    previous = [m for m in old if m.get("relation") != "self"]
    new = without_rank(new)
    me = dict(next((m for m in old if m.get("relation") == "self"), {"relation": "self"}))
    new_self = next((m for m in new if m.get("relation") == "self"), None)
    if new_self is not None:
        me.update({k: v for k, v in new_self.items() if v is not None})
    merged: list[dict[str, Any]] = [me]
    stated = infant_takes_order([m for m in new if m is not new_self], previous)
    # A member known by birth order stays that member ("둘째" is the baby announced before); the rest in order.
    by_order = {id(m): p for m in stated if (p := same_birth_order(m, previous)) is not None}
    taken = [id(p) for p in by_order.values()]
    for member in stated:
        relation = member.get("relation")
        if id(member) in by_order:
            base = dict(by_order[id(member)])
            base.update({k: v for k, v in member.items() if v is not None})
            merged.append(base)
            continue
        # The known member of that relation whose age agrees ("bé lớn 3 tuổi" is not the newborn told before);
        # a member counted but not named ("4 người") is one already known, if any is left.
        left = [p for p in previous if id(p) not in taken]
        if relation is None:
            known = left[0] if left else None
        else:
            known = next(
                (
                    p
                    for p in left
                    if p.get("relation") == relation
                    and not _ages_differ(p, member)
                    and not _orders_differ(p, member)
                ),
                None,
            )
        base = dict(known) if known is not None else {}
        if known is not None:
            taken.append(id(known))
        base.update({k: v for k, v in member.items() if v is not None})
        merged.append(base)
    # a child announced by its birth order ("둘째 낳았어요") stays when she then tells of another ("첫째는 세살")
    orders = {m.get("birth_order") for m in merged}
    merged += [
        dict(p)
        for p in previous
        if id(p) not in taken
        and p.get("birth_order")
        and p["birth_order"] not in orders
        and any(m.get("birth_order") for m in stated)
    ]
    return merged


def _orders_differ(known: dict[str, Any], member: dict[str, Any]) -> bool:
    """Whether both have a birth order and they differ: two children, not one."""
    return (
        bool(known.get("birth_order") and member.get("birth_order"))
        and known["birth_order"] != member["birth_order"]
    )


def merge_facts(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`old` updated with `new`: members by relation, lists united, objects and values overwritten."""
    merged = copy.deepcopy(old)
    for key, value in new.items():
        if key == "members":
            merged["members"] = _merge_members(merged.get("members", []), value)
        elif key == "members_replace":
            merged["members"] = without_rank(copy.deepcopy(value))
        elif key in LIST_FIELDS:
            merged[key] = sorted(set(merged.get(key) or []) | set(value)) if value else []
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    return merged


def _drop(data: dict[str, Any], field: str) -> bool:
    """Remove the offending field (`members[1].age`, `income.earned_krw`, `pets`); False if not found."""
    member = re.fullmatch(r"members\[(\d+)\]\.(\w+)", field)
    if member:
        index, key = int(member.group(1)), member.group(2)
        if index < len(data.get("members", [])) and key in data["members"][index]:
            del data["members"][index][key]
            return True
        return False
    top, _, rest = field.partition(".")
    top = top.split("[")[0]
    if top == "members" or not top:
        data["members"] = [{"relation": "self"}]
        return True
    if top in data:
        if rest and isinstance(data[top], dict) and rest in data[top]:
            del data[top][rest]
        else:
            del data[top]
        return True
    return False


def to_household(facts: dict[str, Any]) -> Household:
    """A valid household from the collected facts; a field the engine rejects is dropped, not guessed."""
    data = copy.deepcopy(facts)
    data.setdefault("members", [{"relation": "self"}])
    if not any(m.get("relation") == "self" for m in data["members"]):
        data["members"].insert(0, {"relation": "self"})
    for _ in range(20):
        try:
            return parse_household(data)
        except HouseholdInputError as exc:
            if not _drop(data, exc.field):
                break
    return parse_household({"members": [{"relation": "self"}]})
