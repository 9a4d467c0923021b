"""Synthetic case files: a few hundred valid, varied, fictional cases from a seed.

The newsletter, the monitoring report and the deadline check are about *many* cases,
and the example cases in ``case_files/`` are only a handful, so the tests of those
stages run on cases made here. The same seed gives the same cases, byte for byte.

The cases are meant to be awkward in the ways real data is: small estates with one or
two cases a year, rare motivations, perpetrators under 18 with guardians, interpreters,
referrals made before consent, comments that name the officer, the neighbour and the
street. Every name, address, postcode and reference is made up here (phone numbers are
in Ofcom's drama ranges).

``cases(seed)`` gives plain dicts shaped like a case file (every value a string, as the
YAML would give); ``write_cases(folder, cases)`` writes them as ``<reference>.yaml``;
``minimal_case(**changes)`` is one small valid case for focused tests.
"""

from __future__ import annotations

import copy
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

CATEGORIES = [
    "physical_assault", "property_damage", "graffiti", "arson", "verbal_abuse",
    "threatening_behaviour", "abusive_letters", "abusive_calls", "dumping", "online_abuse", "other",
]
CATEGORY_WEIGHTS = [6, 10, 9, 1, 30, 18, 3, 4, 5, 8, 2]
MOTIVATIONS = [
    "age", "disability", "gender_reassignment", "marriage_civil_partnership",
    "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation",
]
MOTIVATION_WEIGHTS = [5, 12, 3, 1, 1, 40, 12, 6, 10]
# estate -> (streets, postcode district, weight): two small estates have few cases a year
ESTATES = {
    "Hawthorn Rise Estate": (["Larkspur Court", "Hawthorn Rise", "Foxglove Walk"], "BR6 9", 20),
    "Crofton Vale Estate": (["Mallard Walk", "Heron Close", "Teal Court"], "BR6 8", 16),
    "Sundridge Vale Estate": (["Kingfisher Road", "Wren Gardens"], "BR1 4", 14),
    "Petts Wood Park Estate": (["Birchfield Close", "Rowan Mews"], "BR5 1", 12),
    "St Mary Cray Estate": (["Quarry Lane", "Mill Row", "Cray Court"], "BR5 3", 10),
    "Goddington Grange": (["Chelsfield Rise"], "BR6 6", 2),
    "Keston Mark Cottages": (["Commonside Row"], "BR2 6", 1),
}
TOWNS = {"BR6": "Orpington", "BR5": "Orpington", "BR1": "Bromley", "BR2": "Bromley"}
OFFICERS = [
    {"name": "Priya Sharma", "job_title": "Housing Officer (Community Safety)", "phone": "020 7946 0314", "email": "priya.sharma@keniston-ha.org.uk"},
    {"name": "Daniel Okafor", "job_title": "Neighbourhood Housing Officer", "phone": "020 7946 0327", "email": "daniel.okafor@keniston-ha.org.uk"},
    {"name": "Helen Marchetti", "job_title": "Neighbourhood Housing Officer", "phone": "020 7946 0341", "email": "helen.marchetti@keniston-ha.org.uk"},
    {"name": "Tomasz Lewandowski", "job_title": "Tenancy Enforcement Officer", "phone": "020 7946 0358", "email": "tomasz.lewandowski@keniston-ha.org.uk"},
]
# Made-up enough not to collide with the words of an article or report.
FIRST_NAMES = [
    "Adaeze", "Bartosz", "Ciaran", "Delphine", "Eilidh", "Farhan", "Gwenllian", "Hamza", "Ifeoma",
    "Jolanta", "Kofi", "Leocadia", "Mehmet", "Niamh", "Oluwaseun", "Parveen", "Radoslaw", "Saoirse",
    "Thandiwe", "Ulrike", "Vikram", "Wojciech", "Yasmin", "Zbigniew", "Anwen", "Bogdan", "Chiamaka",
    "Dovydas", "Esperanza", "Fionnuala",
]
SURNAMES = [
    "Abernathy", "Brzezinski", "Chukwuemeka", "Dunleavy", "Eriksdottir", "Fairweather-Lowe", "Gallacher",
    "Hadjimichael", "Iwuchukwu", "Jankowska", "Kaczmarek", "Llewellyn-Price", "Mbeki-Osei", "Nakamura",
    "O'Donoghue", "Papadakis", "Quarshie", "Rajaratnam", "Szczepanski", "Thistlethwaite", "Uzoma",
    "Vasilescu", "Wojcikowski", "Xuereb", "Yeboah-Mensah", "Zielinski", "Ashdown-Verity", "Beaumont-Okoye",
    "Castellanos", "Drummond-Hay",
]
TITLES = ["Mr", "Ms", "Mrs", "Mx", "Dr", None]
LANGUAGES = ["pl", "ro", "so", "ur", "bn", "tr", "ar", "pt"]
AGENCIES = ["Metropolitan Police Service", "Victim Support", "Stop Hate UK", "Galop", "Tell MAMA", "Age UK Bromley & Greenwich"]
CHARACTERISTICS = {
    "age_band": ["16-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"],
    "sex": ["Female", "Male", "Prefer not to say"],
    "ethnicity": [
        "White - British", "White - Irish", "White - Other White (Polish)", "White - Other White (Romanian)",
        "Black or Black British - African", "Black or Black British - Caribbean", "Asian or Asian British - Pakistani",
        "Asian or Asian British - Bangladeshi", "Asian or Asian British - Indian", "Mixed - White and Black Caribbean",
        "Other ethnic group - Arab", "Prefer not to say",
    ],
    "disability": ["No", "No", "No", "Yes", "Yes - uses a wheelchair", "Prefer not to say"],
    "religion_belief": ["Christian", "Muslim", "No religion", "Hindu", "Sikh", "Jewish", "Buddhist", "Prefer not to say"],
    "sexual_orientation": ["Heterosexual or straight", "Gay or lesbian", "Bisexual", "Prefer not to say"],
    "gender_reassignment": ["No", "Yes", "Prefer not to say"],
}
COMMENTS = {
    "yes": [
        "{officer_first} came round the same day and kept me up to date every fortnight.",
        "The graffiti outside {street_line} was gone within a day. Thank you to {officer}.",
        "I felt listened to. {officer_first} explained everything and the interpreter was very good.",
        "Things are much quieter on {street} since the warning letter.",
    ],
    "partly": [
        "{officer_first} was kind but it took weeks before anything happened to {perpetrator}.",
        "Good support, but nobody told me about the hearing on {day_month}. My reference is {reference}.",
        "The police were helpful; Keniston was slow to call back about {postcode}.",
    ],
    "no": [
        "{perpetrator} is still shouting at my children and nothing has changed at {street_line}.",
        "Nobody rang me back for a month. Call me on {phone} if you want to know more.",
        "I had to chase {officer} three times and still have not heard about the ABC.",
    ],
}
DESCRIPTIONS = {
    "physical_assault": "The victim was pushed and punched outside the block.",
    "property_damage": "The victim's car tyres were slashed and a window was broken.",
    "graffiti": "Offensive graffiti was sprayed on the front door and the communal wall.",
    "arson": "A lit rag was pushed through the letterbox.",
    "verbal_abuse": "The victim was shouted at and called offensive names in the street.",
    "threatening_behaviour": "The victim was followed and threatened on the stairs.",
    "abusive_letters": "An abusive anonymous note was pushed through the door.",
    "abusive_calls": "Repeated abusive phone calls late at night.",
    "dumping": "Rubbish and excrement were left on the doorstep.",
    "online_abuse": "Abusive messages were posted about the victim in a residents' group online.",
    "other": "The victim's deliveries were taken and thrown into the bins.",
}
ESCALATION = ["verbal_warning", "warning_letter", "final_warning", "abc", "injunction_application", "notice_seeking_possession"]


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")


class _Maker:
    """One generator run: a seeded random source and the people already used."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.used_names: set[str] = set()
        self.phone = 100

    def name(self) -> str:
        # first names and surnames each appear once in a few hundred cases at most a few times;
        # full names are unique, so a test can say which case a leaked name came from
        while True:
            full = f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(SURNAMES)}"
            if full not in self.used_names:
                self.used_names.add(full)
                return full

    def phone_number(self) -> str:
        self.phone += 1
        return f"07700 900{self.phone % 1000:03d}"

    def moment(self, start: datetime, min_hours: float, max_hours: float) -> datetime:
        hours = self.rng.uniform(min_hours, max_hours)
        return (start + timedelta(hours=hours)).replace(second=0, microsecond=0)

    def characteristics(self) -> dict[str, str]:
        picked = {}
        for key, values in CHARACTERISTICS.items():
            if self.rng.random() < 0.8:
                picked[key] = self.rng.choice(values)
        return picked

    def case(self, year: int, number: int) -> dict[str, Any]:
        rng = self.rng
        reference = f"KHA-{year}-{number:04d}"
        estate = rng.choices(list(ESTATES), weights=[e[2] for e in ESTATES.values()])[0]
        streets, district, _ = ESTATES[estate]
        street = rng.choice(streets)
        postcode = f"{district}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        town = TOWNS[district.split()[0]]
        received = datetime(year, 1, 1, 8) + timedelta(days=rng.randrange(0, 358), hours=rng.randrange(0, 15), minutes=rng.choice([0, 5, 15, 20, 35, 40, 50]))
        officer = rng.choice(OFFICERS)
        categories = sorted(set(rng.choices(CATEGORIES, weights=CATEGORY_WEIGHTS, k=rng.choice([1, 1, 2, 2, 3]))), key=CATEGORIES.index)
        motivation = sorted(set(rng.choices(MOTIVATIONS, weights=MOTIVATION_WEIGHTS, k=rng.choice([0, 1, 1, 1, 2]))), key=MOTIVATIONS.index)

        def home(house: int) -> list[str]:
            return [f"{house} {street}" if rng.random() < 0.6 else f"Flat {house}, {street}", town]

        parties: list[dict[str, Any]] = []
        victims, perpetrators = [], []
        for n in range(1, rng.choice([1, 1, 1, 2]) + 1):
            victim: dict[str, Any] = {
                "id": f"V{n}", "role": "victim", "name": self.name(), "address": home(rng.randrange(1, 80)),
                "postcode": postcode, "phone": self.phone_number(),
            }
            title = rng.choice(TITLES)
            if title:
                victim["title"] = title
            if rng.random() < 0.12:
                victim["language"] = rng.choice(LANGUAGES)
                victim["interpreter"] = "true"
            if rng.random() < 0.05:
                victim["format"] = rng.choice(["large_print", "easy_read"])
            if rng.random() < 0.85:
                victim["characteristics"] = self.characteristics()
            parties.append(victim)
            victims.append(victim["id"])
        for n in range(1, rng.choice([0, 1, 1, 1, 1, 2]) + 1):
            minor = rng.random() < 0.12
            born = date(year - (rng.randrange(12, 17) if minor else rng.randrange(19, 75)), rng.randrange(1, 13), rng.randrange(1, 28))
            perpetrator: dict[str, Any] = {
                "id": f"P{n}", "role": "perpetrator", "name": self.name(), "address": home(rng.randrange(1, 80)),
                "postcode": postcode, "date_of_birth": born.isoformat(),
                "tenancy": {"reference": f"KHA/T/{rng.randrange(100, 99999):05d}", "type": rng.choice(["assured", "secure", "starter", "assured_shorthold"])},
            }
            if rng.random() < 0.7:
                perpetrator["characteristics"] = self.characteristics()
            if minor:
                guardian = {"id": f"G{n}", "role": "parent_guardian", "name": self.name(), "address": perpetrator["address"], "postcode": postcode}
                perpetrator["guardians"] = [guardian["id"]]
                del perpetrator["tenancy"]
                parties.append(guardian)
            parties.append(perpetrator)
            perpetrators.append(perpetrator["id"])
        if rng.random() < 0.4:
            parties.append({"id": "W1", "role": "witness", "name": self.name(), "address": home(rng.randrange(1, 80)), "postcode": postcode,
                            "anonymous": "true" if rng.random() < 0.3 else "false"})

        incidents = []
        last_incident = received
        for n in range(1, rng.choice([1, 1, 2, 2, 3, 4]) + 1):
            category = categories[(n - 1) % len(categories)]
            if n == 1:
                occurred = received - timedelta(hours=rng.uniform(1, 72))
                reported = received
            else:
                occurred = last_incident + timedelta(days=rng.uniform(3, 40))
                reported = occurred + timedelta(hours=rng.uniform(0.5, 30))
            occurred = occurred.replace(second=0, microsecond=0)
            reported = reported.replace(second=0, microsecond=0)
            last_incident = reported
            incident: dict[str, Any] = {
                "id": f"I{n}", "occurred": _iso(occurred), "reported": _iso(reported), "location": f"Outside {street}",
                "category": category, "motivation": motivation, "description": DESCRIPTIONS[category],
                "victims": victims,
            }
            if perpetrators and category != "graffiti":
                incident["perpetrators"] = perpetrators
            if rng.random() < 0.5:
                incident["police_reference"] = f"CAD {rng.randrange(1000, 9999)}/{occurred:%d%b%y}".upper()
            incidents.append(incident)

        actions: list[dict[str, Any]] = []

        def act(kind: str, when: datetime, **extra: Any) -> None:
            actions.append({"id": f"L{len(actions) + 1}", "type": kind, "done": _iso(when), **extra})

        # the 24-hour clocks: mostly met, some late, now and then not recorded at all
        def clock(start: datetime) -> datetime | None:
            roll = rng.random()
            if roll < 0.8:
                return self.moment(start, 0.5, 23)
            if roll < 0.95:
                return self.moment(start, 25, 70)
            return None

        for v in victims:
            interpreter = next(p for p in parties if p["id"] == v).get("interpreter")
            first = clock(received)
            if interpreter and first is not None:
                act("interpreter_booked", first - timedelta(minutes=30), party=v)
            if first is not None:
                act("initial_contact", first, party=v)
        form = clock(received)
        if form is not None:
            act("incident_form", form)
        for incident in incidents:
            if incident["category"] == "graffiti":
                removed = clock(datetime.fromisoformat(incident["reported"]))
                if removed is not None:
                    act("graffiti_removal", removed)
        if any(i["category"] in ("property_damage", "arson") for i in incidents) and rng.random() < 0.6:
            act("emergency_repair", self.moment(received, 2, 30))

        consents = []
        for v in victims:
            agencies = rng.sample(AGENCIES, rng.choice([1, 2, 3]))
            consent_day = received.date() + timedelta(days=rng.choice([0, 0, 1, 2]))
            if rng.random() < 0.9:
                consents.append({"party": v, "agencies": agencies, "purposes": ["To report the harassment and arrange support"],
                                 "given": consent_day.isoformat(), "method": rng.choice(["written", "verbal", "interpreted"]),
                                 "withdrawn": None, "form_version": "1"})
            for agency in agencies:
                act("referral", self.moment(received, 4, 120), party=v, agency=agency)

        # escalation against the perpetrator(s), in order, each step a few weeks after the last
        steps = 0
        if perpetrators:
            steps = rng.choices(range(len(ESCALATION) + 1), weights=[15, 30, 25, 12, 10, 5, 3])[0]
        when = received + timedelta(days=rng.uniform(1, 5))
        abc: dict[str, Any] | None = None
        injunction: dict[str, Any] | None = None
        for kind in ESCALATION[:steps]:
            when = (when + timedelta(days=rng.uniform(7, 40))).replace(second=0, microsecond=0)
            act(kind, when, party=perpetrators[0])
            if kind == "abc":
                abc = {"party": perpetrators[0], "start": when.date().isoformat(), "months": "6", "review_after_months": "3",
                       "prohibitions": ["I will not shout at, threaten or abuse any resident."]}
                if rng.random() < 0.7:
                    act("abc_review", when + timedelta(days=rng.uniform(85, 100)), party=perpetrators[0])
            if kind == "injunction_application":
                born = date.fromisoformat(next(p["date_of_birth"] for p in parties if p["id"] == perpetrators[0]))
                youth = (when.date().year - born.year - ((when.month, when.day) < (born.month, born.day))) < 18  # s.1(8)(a)
                injunction = {"respondent": perpetrators[0], "court": "Youth Court at Bromley" if youth else "County Court at Bromley",
                              "without_notice": "true", "power_of_arrest": "true", "terms": ["Not to enter the estate."],
                              "duration": "6 months" if youth else "12 months", "claim_number": f"K{year % 100}BR{number:03d}"}

        # contact every couple of weeks while the case runs
        closes = rng.random() < 0.65
        last = max((datetime.fromisoformat(a["done"]) for a in actions), default=received)
        end = min(last + timedelta(days=rng.uniform(20, 120)), datetime(year + 1, 12, 20))
        for v in victims:
            moment = received + timedelta(days=rng.uniform(8, 16))
            while moment < end:
                act("victim_update", moment.replace(second=0, microsecond=0), party=v)
                moment += timedelta(days=rng.uniform(8, 20))
        actions.sort(key=lambda a: a["done"])
        for n, action in enumerate(actions, start=1):
            action["id"] = f"L{n}"

        case: dict[str, Any] = {
            "schema_version": "1",
            "reference": reference,
            "received": _iso(received),
            "status": "closed" if closes else "open",
            "officer": dict(officer),
            "location": {"address": [street, town], "postcode": postcode, "estate": estate},
            "categories": categories,
            "motivation": motivation,
            "parties": parties,
            "incidents": incidents,
            "actions": actions,
            "consents": consents,
        }
        if closes:
            case["closed"] = (end + timedelta(days=rng.uniform(1, 10))).date().isoformat()
            case["closure_reason"] = "No further incidents; the victim agreed the case could close."
        if abc:
            case["abc"] = abc
        if injunction:
            case["injunction"] = injunction
        feedback = []
        for v in victims:
            if rng.random() < 0.6:
                satisfied = rng.choices(["yes", "partly", "no"], weights=[55, 30, 15])[0]
                victim = next(p for p in parties if p["id"] == v)
                perpetrator_name = next((p["name"] for p in parties if p["role"] == "perpetrator"), "the neighbour")
                text = rng.choice(COMMENTS[satisfied]).format(
                    officer=officer["name"], officer_first=officer["name"].split()[0], street=street,
                    street_line=victim["address"][0], perpetrator=perpetrator_name, reference=reference,
                    postcode=postcode, phone=victim["phone"], day_month=f"{rng.randrange(1, 28)} {rng.choice(['March', 'June', 'October'])}",
                )
                when = end + timedelta(days=rng.uniform(1, 30))
                feedback.append({"party": v, "date": when.date().isoformat(), "satisfied": satisfied, "comment": text})
        if feedback:
            case["feedback"] = feedback
        return case


def cases(seed: int = 2026, years: tuple[int, int] = (2025, 2026), per_year: tuple[int, int] = (140, 170)) -> list[dict[str, Any]]:
    """Synthetic case files for two consecutive years (``per_year`` cases in each)."""
    maker = _Maker(seed)
    made = []
    for year, count in zip(years, per_year):
        made += [maker.case(year, n) for n in range(1, count + 1)]
    return made


_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when PyYAML has it: the same text, faster


def case_yaml(case: dict[str, Any]) -> str:
    text = yaml.dump(case, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100)
    return "# synthetic case: made up by tests/synthetic.py\n" + text


def write_cases(folder: Path, made: list[dict[str, Any]]) -> list[Path]:
    """Write each case as ``folder/<reference>.yaml``; returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in made:
        path = folder / f"{case['reference']}.yaml"
        path.write_text(case_yaml(case), encoding="utf-8")
        paths.append(path)
    return paths


MINIMAL: dict[str, Any] = {
    "schema_version": 1,
    "reference": "KHA-2026-0900",
    "received": "2026-03-06T23:00",  # a Friday, late
    "status": "open",
    "officer": OFFICERS[0],
    "location": {"address": ["Larkspur Court", "Orpington"], "postcode": "BR6 9QT", "estate": "Hawthorn Rise Estate"},
    "categories": ["verbal_abuse"],
    "motivation": ["race"],
    "parties": [
        {"id": "V1", "role": "victim", "name": "Adaeze Abernathy", "address": ["Flat 3, Larkspur Court", "Orpington"], "postcode": "BR6 9QT"},
        {"id": "P1", "role": "perpetrator", "name": "Bogdan Brzezinski", "address": ["Flat 9, Larkspur Court", "Orpington"], "postcode": "BR6 9QT"},
    ],
    "incidents": [
        {"id": "I1", "occurred": "2026-03-06T21:30", "category": "verbal_abuse", "description": "Shouted abuse on the stairs.",
         "victims": ["V1"], "perpetrators": ["P1"]},
    ],
}


def minimal_case(**changes: Any) -> dict[str, Any]:
    """A small valid case (received late on Friday 6 March 2026), with top-level keys replaced."""
    data = copy.deepcopy(MINIMAL)
    data.update(copy.deepcopy(changes))
    return data


def identifying_strings(cases: Any) -> dict[str, set[str]]:
    """What must never be printed in an anonymised document, by kind, from validated cases.

    ``names``: every party's and officer's full name; ``addresses``: every address line
    that identifies a home (it has a house or flat number); ``postcodes``; ``references``:
    case, tenancy, police and claim references; ``contacts``: phone numbers and e-mail
    addresses; ``name_words``: each word of a name, 4 letters or more (to search for as a
    whole word). The association's own office address is public, so it is left out.
    """
    from toolkit.association import KENISTON

    found: dict[str, set[str]] = {k: set() for k in ("names", "addresses", "postcodes", "references", "contacts", "name_words")}
    for case in cases:
        found["references"].add(case.reference)
        people = [(case.officer.name, [], None)] + [(p.name, p.address, p.postcode) for p in case.parties]
        found["contacts"].update(v for p in case.parties for v in (p.phone, p.email) if v)
        for name, address, postcode in people:
            found["names"].add(name)
            found["name_words"].update(w for w in name.replace("&", " ").split() if len(w) >= 4)
            found["addresses"].update(line for line in address if any(ch.isdigit() for ch in line))
            if postcode:
                found["postcodes"].add(postcode)
        found["addresses"].update(line for line in case.location.address if any(ch.isdigit() for ch in line))
        found["postcodes"].add(case.location.postcode)
        found["references"].update(p.tenancy.reference for p in case.parties if p.tenancy and p.tenancy.reference)
        found["references"].update(i.police_reference for i in case.incidents if i.police_reference)
        if case.injunction and case.injunction.claim_number:
            found["references"].add(case.injunction.claim_number)
    # the association's own office (where a staff member was harassed) is public
    found["addresses"] -= set(KENISTON.address)
    found["postcodes"].discard(KENISTON.postcode)
    return found


def strings_in(value: Any, path: str = "") -> list[tuple[str, str]]:
    """Every string in a template context (dicts, lists, tuples), with where it is."""
    if isinstance(value, str):
        return [(path, value)]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in strings_in(v, f"{path}.{k}")]
    if isinstance(value, (list, tuple)):
        return [s for n, v in enumerate(value) for s in strings_in(v, f"{path}[{n}]")]
    return []
