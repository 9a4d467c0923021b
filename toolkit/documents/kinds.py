"""Document kinds: every kind casedocs makes, who it is for and the context its template receives.

A kind's ``context_types`` is the contract between code and template: the lint checks
every variable a template uses against it, statically, so a misspelt field fails
``casedocs templates check`` rather than a letter on the day. The contexts are built by one
module per family: ``letters`` (acknowledgement, warnings), ``victim_letters`` (update, closure),
``agreements`` (ABC, consent, referral), ``abc_letters`` (the ABC's review, outcome and breach letters),
and for the court ``statement``, ``order`` and ``application`` (claim form, anonymity application,
certificate of service, police notice).
"""

from __future__ import annotations

from toolkit.documents import abc_letters as abc
from toolkit.documents import agreements as ag
from toolkit.documents import application as ap
from toolkit.documents import letters, order, statement
from toolkit.documents import notices as nt
from toolkit.documents import victim_letters as vl
from toolkit.documents.base import DocumentKind
from toolkit.errors import InputError

_PEOPLE = ("victim", "complainant", "witness", "perpetrator", "parent_guardian", "staff_member")


def _agreement_kinds() -> tuple[DocumentKind, ...]:
    """The ABC and the letters about it, the consent form and the referral (toolkit.documents.agreements, abc_letters)."""
    return (
        DocumentKind("abc", "Acceptable Behaviour Contract", ag.abc_context, ag.ABC_TYPES, default_party=ag.abc_party),
        DocumentKind(
            "abc-review", "Review of your Acceptable Behaviour Contract", abc.abc_review_context,
            abc.ABC_REVIEW_TYPES, default_party=ag.abc_party,
        ),
        DocumentKind(
            "abc-review-outcome", "The outcome of the review of your Acceptable Behaviour Contract", abc.abc_review_outcome_context,
            abc.ABC_REVIEW_OUTCOME_TYPES, default_party=ag.abc_party,
        ),
        DocumentKind(
            "abc-breach", "Breach of your Acceptable Behaviour Contract", abc.abc_breach_context,
            abc.ABC_BREACH_TYPES, default_party=ag.abc_party,
        ),
        DocumentKind(
            "consent-withdrawn", "Your consent has been withdrawn", nt.consent_withdrawn_context,
            nt.CONSENT_WITHDRAWN_TYPES, roles=_PEOPLE,
        ),
        DocumentKind(
            "contractor-letter", "Harassment by your operative", nt.contractor_letter_context,
            nt.CONTRACTOR_LETTER_TYPES, roles=("contractor",), default_party=nt.firm_contact,
        ),
        DocumentKind("consent-form", "Consent to share information", ag.consent_form_context, ag.CONSENT_FORM_TYPES, roles=_PEOPLE),
        DocumentKind("referral", "Referral to a partner agency", ag.referral_context, ag.REFERRAL_TYPES, roles=_PEOPLE),
    )


def _victim_letter_kinds() -> tuple[DocumentKind, ...]:
    """Letters to a victim as the case runs and when it closes (toolkit.documents.victim_letters)."""
    victims = ("victim", "staff_member")
    return (
        DocumentKind(
            "update-letter", "An update on your case", vl.update_letter_context,
            vl.UPDATE_LETTER_TYPES, roles=victims, default_parties=lambda case: case.victims,
            default_party=vl.sole_victim,
        ),
        DocumentKind(
            "closure-letter", "Your case is now closed", vl.closure_letter_context,
            vl.CLOSURE_LETTER_TYPES, roles=victims, default_parties=lambda case: case.victims,
            default_party=vl.sole_victim,
        ),
    )


def _court_kinds() -> tuple[DocumentKind, ...]:
    """The injunction's papers (toolkit.documents.statement, order, application)."""
    return (
        DocumentKind(
            "claim-form", ap.CLAIM_FORM_TITLE, ap.claim_form, ap.CLAIM_FORM_TYPES,
            titled=lambda request: ap.claim_form_title(request.case),  # the youth court's is a complaint
        ),
        DocumentKind("witness-statement", "Witness statement", statement.witness_statement, statement.WITNESS_STATEMENT_TYPES),
        DocumentKind("draft-order", "Draft injunction order", order.order_facts, order.DRAFT_ORDER_TYPES),
        DocumentKind("anonymity-application", "Application to withhold a witness's identity", ap.anonymity_application, ap.ANONYMITY_TYPES),
        DocumentKind("certificate-of-service", "Certificate of service", ap.certificate_of_service, ap.CERTIFICATE_TYPES),
        DocumentKind("police-notice", "Notice of a power of arrest to the police", ap.police_notice, ap.POLICE_NOTICE_TYPES),
    )


KINDS: dict[str, DocumentKind] = {
    kind.name: kind
    for kind in (
        DocumentKind(
            "acknowledgement", "Acknowledgement of your report", letters.acknowledgement_context, letters.ACKNOWLEDGEMENT_TYPES,
            roles=("victim", "complainant", "staff_member", "witness"),
            default_parties=lambda case: case.victims,
        ),
        DocumentKind(
            "warning-letter", "Warning about your behaviour", letters.warning_letter_context, letters.WARNING_LETTER_TYPES,
            stages=letters.STAGES,
            default_parties=lambda case: case.perpetrators,
        ),
        *_victim_letter_kinds(),
        *_agreement_kinds(),
        *_court_kinds(),
    )
}


def kind(name: str) -> DocumentKind:
    try:
        return KINDS[name]
    except KeyError:
        raise InputError(f"there is no document kind '{name}': the kinds are {', '.join(sorted(KINDS))}") from None
