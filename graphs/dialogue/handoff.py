"""The handoff to a person, as a small dialogue of its own: she asks (or accepts the offer of a person), says how
she wants to be reached (a reply in this chat, a call back, a visit), and only then is a case opened.

The offer is open while `offer` is "handoff" (asked to confirm and choose how) or "handoff_phone" (she chose a
call back and the number is still to come). The number itself never reaches the graph: the message is redacted
first, and the graph only sees that a telephone number was removed (`pii`); the service keeps the number in the
case record alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Contact = Literal["chat", "phone", "visit"]
Offer = Literal["handoff", "handoff_phone"]
Step = Literal["handoff", "handoff_ask_phone", "handoff_declined", "handoff_unclear"]
"""`handoff`: open the case; `handoff_ask_phone`: ask for the number; `handoff_declined`: she said no;
`handoff_unclear`: neither, ask again."""

PHONE_KINDS = frozenset({"mobile", "landline"})
_PHONE = re.compile(
    r"전화|통화|콜백|연락\s?주|call\b|call me|phone|ring me|电话|回电|打给我|điện thoại|gọi (?:cho|lại)|goi lai|dien thoai",
    re.IGNORECASE,
)
_VISIT = re.compile(
    r"방문|찾아갈|찾아가|직접\s?갈|직접\s?가|센터로\s?갈|센터에\s?갈|visit|in person|go to the (?:centre|center|office)|"
    r"拜访|上门|亲自去|去中心|到中心|trực tiếp|đến (?:trung tâm|phường|văn phòng)|ghé",
    re.IGNORECASE,
)
_CHAT = re.compile(
    r"채팅|여기서|여기로|여기에|이\s?창|메시지로|chat|\bhere\b|in this|message me|聊天|这里|在这|留言|nhắn tin|ở đây|tại đây|qua chat",
    re.IGNORECASE,
)


def contact_choice(text: str, pii: list[str] | tuple[str, ...] = ()) -> Contact | None:
    """How she wants to be reached, when the message says it: a number given means a call back."""
    if PHONE_KINDS & set(pii) or _PHONE.search(text):
        return "phone"
    if _VISIT.search(text):
        return "visit"
    if _CHAT.search(text):
        return "chat"
    return None


@dataclass(frozen=True)
class OfferAnswer:
    """What her message does to the open offer of a person."""

    step: Step
    contact: Contact | None = None


def answer_offer(
    offer: Offer,
    text: str,
    *,
    pii: list[str],
    yes: bool | None,
    aside: bool,
    moves_on: bool,
) -> OfferAnswer | None:
    """The offer's next step, or None when the message is about something else (the offer then lapses).

    `yes` is the message read as yes/no (None: neither); `aside` is true for a message that says nothing else
    (smalltalk, "음…"); `moves_on` for a message that asks about a program or tells facts (she went on with
    her question: that is not an answer to the offer).
    """
    number = bool(PHONE_KINDS & set(pii))
    contact = None if moves_on and not number else contact_choice(text, pii)
    if contact == "phone" and not number:
        return OfferAnswer("handoff_ask_phone", "phone")
    if contact is not None:
        return OfferAnswer("handoff", contact)
    if (
        yes is False and not moves_on
    ):  # "I have no income right now. Is there …?" moves on; its "no" is no reply
        return OfferAnswer("handoff_declined")
    if offer == "handoff" and yes is True and not moves_on:
        return OfferAnswer("handoff", "chat")
    if aside and not moves_on:
        return OfferAnswer("handoff_ask_phone" if offer == "handoff_phone" else "handoff_unclear", None)
    return None
