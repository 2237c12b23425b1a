"""Facts derived once per household: who the applicant is, household size, region class."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from tools.eligibility.household import Household, Member

CAPITAL_SIDO = {"서울특별시", "경기도", "인천광역시"}
_SIDO_ALIASES = {
    "서울": "서울특별시",
    "서울시": "서울특별시",
    "경기": "경기도",
    "인천": "인천광역시",
    "인천시": "인천광역시",
    "세종": "세종특별자치시",
}
#: 광역시 and the other places the NBLS 기본재산액 table groups with them.
_METRO_SIDO = {
    "부산광역시",
    "대구광역시",
    "광주광역시",
    "대전광역시",
    "울산광역시",
    "인천광역시",
    "세종특별자치시",
}
DEFAULT_SIDO = "경기도"
DEFAULT_SIGUNGU = "시흥시"


def normalise_sido(name: str) -> str:
    """Map short forms (경기, 서울시) to the official 시도 name."""
    name = name.strip()
    return _SIDO_ALIASES.get(name, name)


@dataclass
class HouseholdFacts:
    """Derived facts used by every program."""

    household: Household
    as_of: date
    applicant: Member
    applicant_index: int
    spouse: Member | None
    sido: str
    sigungu: str | None
    region_assumed: bool
    assumptions: list[str] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Household size (가구원 수)."""
        return len(self.household.members)

    @property
    def dependants(self) -> list[Member]:
        """Members other than the applicant and the spouse."""
        return [
            m
            for i, m in enumerate(self.household.members)
            if i != self.applicant_index and m is not self.spouse
        ]

    @property
    def children(self) -> list[Member]:
        """Members who may be the household's children (child, grandchild, sibling, other)."""
        return [m for m in self.dependants if m.relation in ("child", "grandchild", "sibling", "other", None)]

    @property
    def is_capital_area(self) -> bool:
        """수도권 (서울·경기·인천)."""
        return self.sido in CAPITAL_SIDO

    @property
    def nbls_region(self) -> str:
        """The NBLS 기본재산액 region group: seoul, gyeonggi, metro or other."""
        if self.sido == "서울특별시":
            return "seoul"
        if self.sido == "경기도":
            return "gyeonggi"
        if self.sido in _METRO_SIDO or (self.sigungu or "").startswith("창원"):
            return "metro"
        return "other"

    @property
    def city_class(self) -> str | None:
        """기초연금·긴급복지 region: large_city (특별시·광역시), small_city (도의 시), rural (군); None if unknown."""
        if self.sido == "서울특별시" or self.sido in _METRO_SIDO - {"세종특별자치시"}:
            return "large_city"
        if self.sigungu is None:
            return None
        if self.sigungu.endswith("군"):
            return "rural"
        if self.sigungu.endswith("시"):
            return "small_city"
        return None


def derive_facts(household: Household, as_of: date) -> HouseholdFacts:
    """Find the applicant (relation 'self', else the first member) and the region."""
    assumptions: list[str] = []
    members = household.members
    index = next((i for i, m in enumerate(members) if m.relation == "self"), None)
    if index is None:
        index = 0
        assumptions.append("no member has relation 'self': the first member is taken as the applicant")
    spouse = next((m for m in members if m.relation == "spouse"), None)
    region = household.region
    sido: str = DEFAULT_SIDO
    sigungu: str | None = DEFAULT_SIGUNGU
    region_assumed = region is None or region.sido is None
    if region_assumed:
        assumptions.append("region not given: assumed 경기도 시흥시 (this service's city)")
    elif region is not None and region.sido is not None:
        sido = normalise_sido(region.sido)
        sigungu = region.sigungu.strip() if region.sigungu else None
    if any(m.nationality is None for m in members):
        assumptions.append("members are Korean nationals")
    return HouseholdFacts(
        household=household,
        as_of=as_of,
        applicant=members[index],
        applicant_index=index,
        spouse=spouse,
        sido=sido,
        sigungu=sigungu,
        region_assumed=region_assumed,
        assumptions=assumptions,
    )
