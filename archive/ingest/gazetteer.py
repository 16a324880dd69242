"""Place names of 焦作 and the county-level unit each belongs to.

The importer resolves every place name it finds (county, alias, town, street)
to one of the eleven county-level units. The default gazetteer is bundled
with the library; the Django side builds one from the editable District and
DistrictAlias tables instead, so editors' alias changes reach the importer.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# (name, ascii slug) of 焦作's county-level units, in the order the city lists them.
COUNTIES: tuple[tuple[str, str], ...] = (
    ("解放区", "jiefang"),
    ("中站区", "zhongzhan"),
    ("马村区", "macun"),
    ("山阳区", "shanyang"),
    ("示范区", "shifanqu"),
    ("修武县", "xiuwu"),
    ("博爱县", "boai"),
    ("武陟县", "wuzhi"),
    ("温县", "wenxian"),
    ("沁阳市", "qinyang"),
    ("孟州市", "mengzhou"),
)

# Other names for a county-level unit (alias -> county).
ALIASES: dict[str, str] = {
    "城乡一体化示范区": "示范区",
    "焦作城乡一体化示范区": "示范区",
    "高新区": "示范区",
    "焦作高新区": "示范区",
    "高新技术产业开发区": "示范区",
}

# Towns, townships and street offices (name -> county). Filled in by the districts stage.
TOWNS: dict[str, str] = {}


@dataclass
class Gazetteer:
    """Maps any known place name to its county-level unit."""

    counties: tuple[str, ...] = tuple(name for name, _ in COUNTIES)
    places: dict[str, str] = field(default_factory=dict)

    @classmethod
    def default(cls) -> Gazetteer:
        places = {name: name for name, _ in COUNTIES}
        places.update(ALIASES)
        places.update(TOWNS)
        return cls(places=places)

    def county_of(self, place: str) -> str | None:
        return self.places.get(place)
