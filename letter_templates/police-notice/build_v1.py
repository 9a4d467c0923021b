"""Version 1 of the notice of a power of arrest to the police (2014 Act s.4 and s.9).

Where the order attaches a power of arrest, a copy of its power-of-arrest paragraphs goes
to the officer in charge of the police station for the area where the respondent lives, so
that a constable can arrest on a breach without a warrant. The notice quotes those
paragraphs in the order's own numbering, the exclusion zone, how long the order lasts,
and who at Keniston to tell after an arrest.
"""

import sys
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from courtstyle import centred, court_document, numbered_para, rule, title_block
from forms import fact_table
from letterhead import heading, para, save, tag

doc = court_document(line_spacing=1.25)
para(doc, "To: the officer in charge of the police station for the area where the {{ title.defendant_label }} lives{% if respondent_postcode %} (postcode {{ respondent_postcode }}){% endif %}")
tag(doc, "{%p for p in police_contacts %}")
para(doc, "Copy to: {{ p.full_name }}{% if p.address %}, {{ p.address|join(', ') }}{% endif %}{% if p.phone %} ({{ p.phone }}){% endif %}")
tag(doc, "{%p endfor %}")
para(doc, "From: {{ officer.name }}, {{ officer.job_title }}, {{ association.name }}, {{ association.address|join(', ') }}, {{ association.postcode }}; {{ officer.phone }}, {{ officer.email }}")
title_block(doc, claimant_label="{{ title.claimant_label }}", defendant_label="{{ title.defendant_label }}")
rule(doc)
centred(doc, "NOTICE TO THE POLICE OF A POWER OF ARREST", size=13, space_after=2)
centred(doc, "Section 4 of the Anti-social Behaviour, Crime and Policing Act 2014 (\"the Act\"){% if title.youth %}; order of the youth court{% endif %}", bold=False, size=10, space_after=2)
rule(doc)

heading(doc, "The person the order is against", 2)
fact_table(doc, [
    ("Name", "{{ respondent_name }}"),
    ("Date of birth", "{% if respondent.date_of_birth %}{{ respondent.date_of_birth|date }}{% else %}not known{% endif %}"),
    ("Address", "{{ respondent_address or 'not known' }}"),
    ("Order", "{% if interim %}Interim injunction (section 7 of the Act){% else %}Injunction (section 1 of the Act){% endif %} made by the {{ title.court_name }} on ........................, claim number {{ title.claim_number }}"),
    ("Lasts", "{% if interim %}until the return date{% if return_date %} ({{ return_date }}){% endif %} or further order{% else %}{{ duration }}{% endif %}"),
], widths=(Mm(40), Mm(113)))

heading(doc, "The paragraphs with a power of arrest", 2)
para(doc, "The court attached a power of arrest to paragraph{% if ',' in arrest_terms or ' and ' in arrest_terms or ' to ' in arrest_terms %}s{% endif %} {{ arrest_terms }} of the order. They say:")
tag(doc, "{%p for t in terms if t.power_of_arrest %}")
numbered_para(doc, "{{ t.number }}.", "{{ t.text }}")
tag(doc, "{%p endfor %}")
tag(doc, "{%p if para.zone %}")
numbered_para(doc, "{{ para.zone }}.", "In this order the exclusion zone is {{ exclusion_zone }}{% if zone_plan %} A copy of the plan attached to the order is enclosed.{% endif %}")
tag(doc, "{%p endif %}")
para(doc, "A constable may arrest the {{ title.defendant_label }} without warrant if the constable has reasonable cause to suspect that the {{ title.defendant_label }} is in breach of any of those paragraphs (section 9(1) of the Act). The constable must inform {{ association.name }}, which applied for the injunction (section 9(2)). The person arrested must be brought before {% if title.youth %}a justice of the peace (or, if now 18 or over, a judge of the county court){% else %}a judge of the county court{% endif %} within 24 hours beginning with the time of the arrest, disregarding Christmas Day, Good Friday and Sundays (section 9(3) and (4)).")
para(doc, "The other terms of the order carry no power of arrest; a breach of them is for {{ association.name }} to bring to the court. A copy of the whole order is enclosed.")

heading(doc, "After an arrest", 2)
para(doc, "Please tell {{ officer.name }} on {{ officer.phone }} or {{ officer.email }} as soon as possible, quoting claim number {{ title.claim_number }}.")
save(
    doc, "police-notice",
    title="Notice of a power of arrest to the police",
    description="The injunction's power-of-arrest paragraphs (s.4 of the 2014 Act), in the order's numbering, with the exclusion zone and the order's duration, to the officer in charge of the police station for the respondent's area (s.9 arrest without warrant).",
)
