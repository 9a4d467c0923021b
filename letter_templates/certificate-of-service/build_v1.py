"""Version 1 of the certificate of service (the content of form N215) for personal service.

The order and the papers are served on the respondent personally (CPR 6.5(3), and the
order says so); the person who served them completes this certificate and it is filed.
What was served is listed from the case; when, where, and by whom are blanks for the
process server, with the statement of truth (PD 22).
"""

import sys
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import centred, court_document, finish, keep_together, numbered_para, rule, title_block
from forms import fact_table
from letterhead import heading, para, save, tag

BLANK = "...................................................."
doc = court_document(line_spacing=1.3)
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}")
rule(doc)
centred(doc, "CERTIFICATE OF SERVICE", size=13, space_after=2)
centred(doc, "Personal service (CPR 6.5(3)); the content of form N215{% if title.youth %}; in the youth court{% endif %}", bold=False, size=10, space_after=2)
rule(doc)

heading(doc, "On whom the documents were served", 2)
para(doc, "{{ respondent_name }}, the {{ title.defendant_label }}{% if respondent.date_of_birth %}, born on {{ respondent.date_of_birth|date }}{% endif %}, by handing the documents to the {{ title.defendant_label }} personally (CPR 6.5(3)(a)).")

heading(doc, "What was served", 2)
numbered_para(doc, "(a)", "the {% if injunction.without_notice %}interim {% endif %}injunction order dated {{ BLANK }}{% if injunction.power_of_arrest %}, with its power of arrest{% endif %}{% if injunction.exclusion_zone %} and the plan of the exclusion zone attached to it{% endif %};".replace("{{ BLANK }}", BLANK[:24]), level=2)
numbered_para(doc, "(b)", "the claim form and its particulars, which include the statement that the respondent is entitled to a reasonable opportunity to obtain legal representation and to apply for legal aid, which may be available without any means test (CPR 65.43(2)(d));", level=2)
numbered_para(doc, "(c)", "{{ statement }}, with exhibits {{ exhibit_marks }} (the copy for the {{ title.defendant_label }}{% if anonymous_witnesses %}, with the identity of protected witnesses withheld{% endif %});", level=2)
tag(doc, "{%p if anonymous_witnesses %}")
numbered_para(doc, "(d)", "the application that a witness's identity not be disclosed (CPR 39.2(4)), without its sealed schedule;", level=2)
tag(doc, "{%p endif %}")
numbered_para(doc, "{% if anonymous_witnesses %}(e){% else %}(d){% endif %}", "{% if injunction.without_notice %}notice of the return date hearing{% if return_date %} on {{ return_date }}{% endif %}{% else %}notice of the hearing{% if hearing %} on {{ hearing }}{% endif %}{% endif %}.", level=2)

heading(doc, "When and where", 2)
fact_table(doc, [
    ("Date of service", BLANK),
    ("Time of service", BLANK),
    ("Address or place where served", BLANK),
    ("How the person served was identified", BLANK),
], widths=(Mm(60), Mm(93)))

sign = [heading(doc, "Statement of truth", 2)]
sign += [para(doc, "I believe that the facts stated in this certificate are true. I understand that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a false statement in a document verified by a statement of truth without an honest belief in its truth.")]
sign += [para(doc, "Signed: " + BLANK)]
sign += [para(doc, "Name of the person who served: " + BLANK)]
sign += [para(doc, "Position or office held (process server, or officer of {{ association.name }}): " + BLANK)]
sign += [para(doc, "Date: " + BLANK)]
keep_together(sign)
para(doc, "Return this certificate to {{ officer.name }}, {{ officer.job_title }}, {{ association.name }}, {{ association.address|join(', ') }}, {{ association.postcode }} ({{ officer.phone }}), who will file it with the court.")
finish(doc)
save(
    doc, "certificate-of-service",
    title="Certificate of service",
    description="The certificate of personal service of the injunction order and papers on the respondent (the content of form N215, CPR 6.5(3)), with blanks for the date, time, place and the server's statement of truth.",
)
