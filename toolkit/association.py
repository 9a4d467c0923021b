"""Keniston Housing Association's own details, in one place for every document.

Fictional contact details (Ofcom's drama ranges); change them here, not in templates.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Association:
    name: str = "Keniston Housing Association"
    short_name: str = "Keniston"
    address: tuple[str, ...] = ("Keniston House", "200 High Street", "Orpington", "Kent")
    postcode: str = "BR6 0JA"
    phone: str = "020 7946 0000"
    harassment_line: str = "020 7946 0999"
    email: str = "harassment@keniston-ha.org.uk"
    website: str = "www.keniston-ha.org.uk"
    registered: str = "Registered provider of social housing no. L4721"
    data_protection_officer: str = "dpo@keniston-ha.org.uk"

    @property
    def address_line(self) -> str:
        return ", ".join((*self.address, self.postcode))


KENISTON = Association()
