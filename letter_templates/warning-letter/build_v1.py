"""Version 1 of the warning letter (policy 9.1, 9.2): verbal (confirmed in writing), first, final."""

import sys
from pathlib import Path

from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from letterhead import address_block, bullet, heading, new_document, numbered, para, repeat_header, save, set_widths, signature, tag

doc = new_document()
address_block(doc)
para(doc, "{{ recipient.salutation }},")
tag(doc, "{%p if stage == 'final' %}")
heading(doc, "FINAL WARNING: {% if minor %}{{ party.name }}'s{% else %}your{% endif %} behaviour must stop now", 0)
tag(doc, "{%p elif stage == 'first' %}")
heading(doc, "Warning: {% if minor %}{{ party.name }}'s{% else %}your{% endif %} behaviour must stop", 0)
tag(doc, "{%p else %}")
heading(doc, "Confirmation of the verbal warning we gave you", 0)
tag(doc, "{%p endif %}")
tag(doc, "{%p if minor %}")
para(doc, "We are writing to you as the parent or guardian of {{ party.name }}, who is {{ party.age_on(doc.date) }}, because of {{ party.name }}'s behaviour described below. Our harassment policy says that we work with the parents of young people whose behaviour harms others, and we ask for your help to make it stop.")
tag(doc, "{%p else %}")
para(doc, "We are writing to you about your behaviour towards {% if towards_staff %}our staff{% else %}people living in and around {{ case.location.address[0] }}{% if case.location.estate %} on the {{ case.location.estate }}{% endif %}{% endif %}. Harassment is unacceptable, and we take action against anyone responsible for it.")
tag(doc, "{%p endif %}")
tag(doc, "{%p if stage == 'verbal' %}")
para(doc, "This letter confirms in writing the verbal warning that {{ officer.name }} gave {% if minor %}{{ party.name }}{% else %}you{% endif %} about this behaviour.")
tag(doc, "{%p elif stage == 'final' %}")
para(doc, "This is your final warning. You have already been warned about this behaviour, and it has continued.", bold=True)
tag(doc, "{%p endif %}")

heading(doc, "What has been reported")
para(doc, "We have received reports of the following incidents, in which {% if minor %}{{ party.name }} is{% else %}you are{% endif %} said to have been involved:")
table = doc.add_table(rows=2, cols=3)
table.style = "Table Grid"
for cell, text in zip(table.rows[0].cells, ("Date", "Where", "What happened")):
    run = cell.paragraphs[0].add_run(text)
    run.bold = True
widths = (Mm(30), Mm(42), Mm(94))
row = table.rows[1].cells
row[0].paragraphs[0].add_run("{%tr for incident in incidents %}")
row0 = table.add_row().cells
row0[0].paragraphs[0].add_run("{{ incident.occurred|date }}")
row0[1].paragraphs[0].add_run("{{ incident.location or case.location.address[0] }}")
row0[2].paragraphs[0].add_run("{{ incident.description }}")
end = table.add_row().cells
end[0].paragraphs[0].add_run("{%tr endfor %}")
set_widths(table, widths)
repeat_header(table)
doc.add_paragraph()
para(doc, "Behaviour like this causes fear and distress to the people it is aimed at and harms the whole community.{% if case.motivation %} It has been reported as motivated by hostility related to {{ case.motivation|words }}, which makes it a hate incident that we and the police treat with particular seriousness.{% endif %}")

tag(doc, "{%p if tenancy and tenancy.clauses %}")
heading(doc, "Your tenancy agreement")
para(doc, "{% if minor %}The{% else %}Your{% endif %} tenancy agreement{% if tenancy.reference %} ({{ tenancy.reference }}){% endif %} says:")
tag(doc, "{%p for clause in tenancy.clauses %}")
quote = para(doc, "Clause {{ clause.number }}: “{{ clause.text }}”", italic=True)
quote.paragraph_format.left_indent = Mm(10)
tag(doc, "{%p endfor %}")
para(doc, "The behaviour described above breaks {% if tenancy.clauses|length > 1 %}these conditions{% else %}this condition{% endif %} of the tenancy. A tenant is responsible for the behaviour of everyone who lives in or visits their home.")
tag(doc, "{%p endif %}")

tag(doc, "{%p if measure %}")
heading(doc, "What we have decided")
para(doc, "{{ measure }}", bold=True)
tag(doc, "{%p endif %}")
heading(doc, "What you must do")
bullet(doc, "{% if minor %}Make sure that {{ party.name }} stops this behaviour immediately{% else %}Stop this behaviour immediately{% endif %}: no {{ incidents|map(attribute='category')|reject('equalto', 'other')|unique|list|words('or') }}{% if incidents|map(attribute='category')|reject('equalto', 'other')|list %}, and {% endif %}no harassment, threats or abuse of anyone because of who they are.")
bullet(doc, "Do not contact, approach or retaliate against anyone who has reported this behaviour or given evidence about it.")
bullet(doc, "Make sure that members of your household and your visitors do not behave in this way either.")
bullet(doc, "Contact {{ officer.name }} within {{ reply_days }} days, by {{ reply_by|date }}, to discuss this letter. If you think any of it is wrong, this is your chance to give your side.")

heading(doc, "What will happen if it continues")
para(doc, "If the behaviour continues we will take the following steps, in this order, and we may go straight to a later step if the behaviour is serious:")
tag(doc, "{%p if stage != 'final' %}")
numbered(doc, "A {% if stage == 'verbal' %}written{% else %}final{% endif %} warning.")
tag(doc, "{%p endif %}")
numbered(doc, "An Acceptable Behaviour Contract: a written agreement setting out what {% if minor %}{{ party.name }}{% else %}you{% endif %} must and must not do.")
numbered(doc, "An application to the court for an injunction under Part 1 of the Anti-social Behaviour, Crime and Policing Act 2014. An injunction can forbid specific behaviour, exclude a person from an area, and carry a power of arrest. Breaking it is contempt of court.")
tag(doc, "{%p if tenancy and tenancy.type in ['assured', 'assured_shorthold', 'starter'] %}")
numbered(doc, "Proceedings to end your tenancy and take possession of your home, under Ground 14 of Schedule 2 to the Housing Act 1988 (nuisance, annoyance and harassment) and, after a relevant conviction or a breach of an injunction, the absolute ground for possession (Ground 7A of Schedule 2 to the Housing Act 1988).")
tag(doc, "{%p elif tenancy and tenancy.type == 'secure' %}")
numbered(doc, "Proceedings to end your tenancy and take possession of your home, under Ground 2 of Schedule 2 to the Housing Act 1985 (nuisance, annoyance and harassment) and, after a relevant conviction or a breach of an injunction, the absolute ground for possession in section 84A of the Housing Act 1985.")
tag(doc, "{%p elif tenancy and tenancy.type == 'leaseholder' %}")
numbered(doc, "Action for breach of the covenants of your lease, which can lead to proceedings for forfeiture of the lease.")
tag(doc, "{%p endif %}")
tag(doc, "{%p if stage == 'final' %}")
para(doc, "This is your final warning. If there is any further incident, we will take legal action without warning you again.", bold=True)
tag(doc, "{%p endif %}")
para(doc, "You may wish to get independent advice, for example from Citizens Advice or a solicitor. If you need this letter in another language or format, or an interpreter, please tell us.")
signature(doc)
save(
    doc, "warning-letter",
    title="Warning about your behaviour",
    description="To a perpetrator (or the parents or guardians of one under 18): incidents, tenancy clauses quoted, what to do, the consequences in order (policy 9.1, 9.2).",
)
