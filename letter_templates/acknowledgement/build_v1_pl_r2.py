"""Revision 2 of the Polish acknowledgement: revision 1 (``build_v1_pl.py``) with its title in Polish.

Revision 1 was built by hand before translations carried their own title, so its PDF was
titled in English. Nothing else changes: the bytes of the letter's parts are revision 1's,
and only the document's title (its core properties, as Word's File > Info > Properties
sets it) is translated. Recorded through :func:`toolkit.templates.versions.add_version`
(``templates new-version --language pl`` does the same).
"""

import io
import sys
import zipfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from toolkit.templates.title import CORE_PROPS, with_title
from toolkit.templates.versions import add_version

TITLE = "Potwierdzenie przyjęcia zgłoszenia"
first = (Path(__file__).resolve().parent / "acknowledgement-v1-pl.docx").read_bytes()
out = io.BytesIO()
with zipfile.ZipFile(io.BytesIO(first)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
    for info in source.infolist():
        data = source.read(info.filename)
        if info.filename == CORE_PROPS:
            data = with_title(data.decode("utf-8"), TITLE).encode("utf-8")
        target.writestr(info, data)
recorded = add_version(
    "acknowledgement", out.getvalue(), language="pl", effective_from=date(2026, 11, 30), today=date(2026, 11, 30),
    change_note="Polish translation of version 1, revision 2: the title in Polish (it names the document in the PDF "
    "and for screen readers); the letter's wording is revision 1's.",
    translation_status="unreviewed",
    translated_by="Draft translation prepared with the casedocs tooling (AI-assisted) on 2026-11-25; to be reviewed "
    "by a qualified Polish translator before it is marked reviewed",
)
print(recorded.template.path)
