"""toolkit.merge.list_reader: a recipient list's file (CSV header, separators, encodings; YAML
entries) read as rows, each named by the line it starts on, and its mistakes explained."""

from __future__ import annotations

from datetime import date

import pytest

from toolkit.cli.main import main
from toolkit.errors import InputError
from toolkit.merge.recipients import read_rows
from toolkit.merge.run import merge

ON = date(2026, 11, 25)
KIND = "policy-notice"


def test_a_missing_column_is_one_message_for_the_file(tmp_path, capsys):
    path = tmp_path / "r.csv"
    path.write_bytes(b"Name,Address line 1,post_code\r\nA,1 Road,BR6 0JA\r\n")  # as csv.writer writes it
    assert main(["merge", KIND, str(path), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{path}:1: the header has no 'postcode' column (is 'post_code' meant to be 'postcode'? rename it): a recipient list "
        "needs the columns name, address_line_1, postcode (and may have address_line_2, address_line_3, language, format, "
        "tenancy_reference)\n"
    )


def test_yaml_empty_and_null_values_are_left_out_but_quoted_ones_kept(tmp_path):
    """``address_line_2:`` with nothing after it (and ``~``) is no value, as in YAML; ``''`` is text."""
    path = tmp_path / "r.yaml"
    path.write_text(
        "- name: Anna Nowak\n  address_line_1: 1 High Street\n  address_line_2:\n  address_line_3: ~\n  postcode: BR1 3AB\n"
        "  tenancy_reference: 'null'\n",
        encoding="utf-8",
    )
    (row,) = read_rows(path)
    assert row.problems == ()
    assert (row.recipient.address_line_2, row.recipient.address_line_3) == ("", "")
    assert row.recipient.tenancy_reference == "null"


def test_yaml_recipients_name_the_line_of_the_entry(tmp_path):
    path = tmp_path / "r.yaml"
    path.write_text(
        "- name: Zoë O'Brien\n  address_line_1: 1 High Street\n  postcode: BR6 0JA\n  language: no\n  ward: 007\n"
        "- name: Jan\n  address_line_1: [1, 2]\n  postcode: SE1 7AA\n"
        "- just a string\n",
        encoding="utf-8",
    )
    rows = list(read_rows(path))
    assert rows[0].line == 1 and rows[0].recipient.language == "no"  # Norwegian, not false
    assert rows[0].recipient.extra == {"ward": "007"}
    assert (rows[1].line, rows[1].problems) == (6, ("'address_line_1' should be text, not a list or a mapping",))
    assert (rows[2].line, rows[2].problems) == (9, ("each entry should be a mapping of keys and values (like 'name: ...')",))
    with pytest.raises(InputError) as error:
        merge(KIND, path, on=ON, out=tmp_path / "out", progress=False)
    assert str(error.value).splitlines()[0] == f"{path}:6: 'address_line_1' should be text, not a list or a mapping"


@pytest.mark.parametrize("raw, message", [
    (b"name;address_line_1;postcode\nA;1 Road;BR6 0JA\n",
     "1: the columns are separated by semicolons, not commas: save the file as 'CSV UTF-8 (comma delimited)'"),
    (b"name,address_line_1,postcode\nZo\xeb,1 Road,BR6 0JA\n",
     "2: this is not UTF-8 text (the file was probably saved as Windows-1252): save it as 'CSV UTF-8' (in Excel: Save As, CSV UTF-8)"),
    (b"", "1: the file is empty: a recipient list starts with a header row (name,address_line_1,postcode,...)"),
])
def test_files_spreadsheets_get_wrong_are_explained(tmp_path, raw, message):
    path = tmp_path / "r.csv"
    path.write_bytes(raw)
    with pytest.raises(InputError) as error:
        merge(KIND, path, on=ON, out=tmp_path / "out", progress=False)
    assert str(error.value) == f"{path}:{message}"
