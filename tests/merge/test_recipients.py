"""toolkit.merge.recipients: a recipient's values checked and normalised as spreadsheets write them."""

from __future__ import annotations

from toolkit.merge.letter import file_name
from toolkit.merge.recipients import Recipient


def test_recipient_validation_is_lenient_where_spreadsheets_differ():
    r = Recipient(name="A", address_line_1="1 Road", postcode="sw1a2aa", format="Large Print")
    assert (r.postcode, r.format, r.language, r.address) == ("SW1A 2AA", "large_print", "en", ["1 Road"])
    assert file_name(r) == file_name(Recipient(name="A", address_line_1="1 Road", postcode="SW1A 2AA", format="large_print"))
