"""The demo borough's organisations, people, boards and priority areas."""

from __future__ import annotations

from datetime import date, timedelta

from sendboard.demo import DemoContext
from sendboard.demo.timeline import add_months
from sendboard.domain.governance import BoardKind, MemberRole, StatutoryRole
from sendboard.store.models import (
    Board,
    BoardRequiredRole,
    Membership,
    Organisation,
    Person,
    PriorityArea,
    Setting,
)

COUNCIL = "Kingsmere Borough Council"
ICB = "Kingsmere and Dunmoor Integrated Care Board"
DFE = "Department for Education"
NHSE = "NHS England"
ORGANISATIONS = {
    COUNCIL: "KBC",
    ICB: "ICB",
    DFE: "DfE",
    NHSE: "NHSE",
    "Kingsmere Parent Carer Forum": "PCF",
    "Kingsmere Community Health NHS Trust": "KCHT",
    "Dunmoor College": "College",
    "Kingsmere Schools Partnership": "Schools",
}

#: (name, title, organisation, statutory role, email local part)
CORE_PEOPLE = [
    ("Dr Margaret Ellery", "Independent Chair", None, None, "m.ellery"),
    ("Siân Pritchard", "Chief Executive", COUNCIL, None, "sian.pritchard"),
    ("Oluwaseun Adeyemi", "Chief Executive", ICB, None, "seun.adeyemi"),
    ("Zoë Hartley", "Director of Children's Services", COUNCIL, None, "zoe.hartley"),
    ("Łukasz Nowak", "Director of Nursing and Quality", ICB, None, "lukasz.nowak"),
    ("Cllr Peter Ashdown", "Lead Member for Children", COUNCIL, None, "cllr.ashdown"),
    ("Cllr Farah Qureshi", "Chair, Children's Scrutiny", COUNCIL, None, "cllr.qureshi"),
    ("Helen Marsh", "Head of SEND", COUNCIL, None, "helen.marsh"),
    ("Dr Amrit Sandhu", "Designated Clinical Officer", ICB, None, "amrit.sandhu"),
    ("Grace O'Connell", "Chair", "Kingsmere Parent Carer Forum", None, "grace.oconnell"),
    ("Robert Kimani", "SEND Adviser", DFE, StatutoryRole.DFE_SEND_ADVISER, "robert.kimani"),
    ("Fiona Blackwood", "SEND Adviser", NHSE, StatutoryRole.NHSE_ADVISER, "fiona.blackwood"),
    ("Daniel Osei", "Case Lead, SEND Improvement", DFE, StatutoryRole.DFE_CASE_LEAD, "daniel.osei"),
    ("Priya Raman", "Principal Educational Psychologist", COUNCIL, None, "priya.raman"),
    ("Tom Whitcombe", "Head of Commissioning", COUNCIL, None, "tom.whitcombe"),
    (
        "Eleni Georgiou",
        "Deputy Director, Quality",
        "Kingsmere Community Health NHS Trust",
        None,
        "eleni.georgiou",
    ),
    ("Mark Fenwick", "Principal", "Dunmoor College", None, "mark.fenwick"),
    (
        "Ruth Adebayo",
        "Headteacher representative",
        "Kingsmere Schools Partnership",
        None,
        "ruth.adebayo",
    ),
    ("Jack Lindqvist", "Improvement Board Secretary", COUNCIL, None, "jack.lindqvist"),
]

DOMAINS = {
    COUNCIL: "kingsmere.example.gov.uk",
    ICB: "kdicb.example.nhs.uk",
    DFE: "education.example.gov.uk",
    NHSE: "england.example.nhs.uk",
}

PRIORITY_AREAS = [
    (
        "P1",
        "Strategic oversight and governance",
        "Leaders across the partnership hold each other to account for SEND improvement.",
        "Council, ICB",
        "Zoë Hartley",
    ),
    (
        "P2",
        "Communication and joined-up systems",
        "Families get consistent information, and partners share data and systems.",
        "Council, ICB, Parent Carer Forum",
        "Helen Marsh",
    ),
    (
        "P3",
        "Joint commissioning",
        "Services are commissioned jointly against a shared assessment of need.",
        "Council, ICB",
        "Tom Whitcombe",
    ),
    (
        "P4",
        "Early identification of need and access to services",
        "Needs are identified early and children wait less for assessment and therapy.",
        "ICB, Community Health Trust, Schools",
        "Dr Amrit Sandhu",
    ),
    (
        "P5",
        "Education, health and care plans",
        "EHC plans are timely, of good quality, and reviewed annually.",
        "Council, ICB, Schools",
        "Priya Raman",
    ),
]

FIRST = [
    "Aisha",
    "Ben",
    "Chloé",
    "Dev",
    "Efe",
    "Ffion",
    "Gareth",
    "Hana",
    "Ioan",
    "Jodie",
    "Kofi",
    "Leah",
    "Mateusz",
    "Niamh",
    "Owen",
    "Rhiannon",
    "Sam",
    "Tariq",
    "Uma",
    "Wiktoria",
]
LAST = [
    "Abbott",
    "Bryce",
    "Carver",
    "Dalby",
    "Eastwood",
    "Fairley",
    "Gough",
    "Hollins",
    "Iqbal",
    "Jessop",
    "Kowalski",
    "Lomax",
    "Murray",
    "Nightingale",
    "Okafor",
    "Pryce",
    "Rees",
    "Shah",
    "Thackeray",
    "Vaughan",
]
TITLES = [
    "Service Manager",
    "Team Manager",
    "Commissioning Officer",
    "Practice Lead",
    "Performance Analyst",
    "Head of Service",
    "Clinical Lead",
    "Project Officer",
]


def _email(local: str, organisation: str | None) -> str:
    return f"{local}@{DOMAINS.get(organisation or '', 'kingsmere.example.org.uk')}"


def build(ctx: DemoContext) -> None:
    session = ctx.session
    orgs = {
        name: Organisation(name=name, short_name=short) for name, short in ORGANISATIONS.items()
    }
    session.add_all(orgs.values())
    people: dict[str, Person] = {}
    for name, title, org, role, local in CORE_PEOPLE:
        people[name] = Person(
            name=name,
            title=title,
            organisation=orgs.get(org or ""),
            email=_email(local, org),
            phone=f"01632 {960000 + len(people):06d}"[:12],
            statutory_role=role,
        )
    session.add_all(people.values())

    board = Board(
        name="SEND Improvement Board",
        kind=BoardKind.IMPROVEMENT_BOARD,
        quorum=5,
        papers_deadline_days=10,
        cadence="Monthly, second Wednesday, 14:00–16:00",
        chair=people["Dr Margaret Ellery"],
        description="Independently chaired board overseeing the Improvement Notice.",
    )
    board.required_roles = [BoardRequiredRole(role=r) for r in StatutoryRole]
    delivery = Board(
        name="SEND Delivery Group",
        kind=BoardKind.DELIVERY_GROUP,
        parent=board,
        quorum=4,
        papers_deadline_days=8,
        chair=people["Zoë Hartley"],
        cadence="Monthly, fourth Tuesday, 10:00–12:00",
    )
    scrutiny = Board(
        name="Children's Scrutiny Board",
        kind=BoardKind.SCRUTINY,
        quorum=3,
        papers_deadline_days=10,
        chair=people["Cllr Farah Qureshi"],
        cadence="Quarterly",
    )
    session.add_all([board, delivery, scrutiny])

    start = ctx.when.established
    members = [
        ("Dr Margaret Ellery", MemberRole.CHAIR, True),
        ("Siân Pritchard", MemberRole.MEMBER, True),
        ("Oluwaseun Adeyemi", MemberRole.MEMBER, True),
        ("Zoë Hartley", MemberRole.VICE_CHAIR, True),
        ("Łukasz Nowak", MemberRole.MEMBER, True),
        ("Cllr Peter Ashdown", MemberRole.MEMBER, True),
        ("Grace O'Connell", MemberRole.MEMBER, True),
        ("Helen Marsh", MemberRole.OFFICER, False),
        ("Robert Kimani", MemberRole.ADVISER, False),
        ("Fiona Blackwood", MemberRole.ADVISER, False),
        ("Daniel Osei", MemberRole.ADVISER, False),
        ("Jack Lindqvist", MemberRole.SECRETARY, False),
    ]
    for name, role, voting in members:
        session.add(
            Membership(person=people[name], board=board, role=role, voting=voting, from_date=start)
        )
    for name in (
        "Zoë Hartley",
        "Łukasz Nowak",
        "Helen Marsh",
        "Dr Amrit Sandhu",
        "Priya Raman",
        "Tom Whitcombe",
        "Grace O'Connell",
        "Eleni Georgiou",
        "Jack Lindqvist",
    ):
        role = MemberRole.CHAIR if name == "Zoë Hartley" else MemberRole.MEMBER
        session.add(Membership(person=people[name], board=delivery, role=role, from_date=start))
    for name in ("Cllr Farah Qureshi", "Cllr Peter Ashdown", "Zoë Hartley"):
        session.add(Membership(person=people[name], board=scrutiny, from_date=start))

    extra = _extra_people(ctx, orgs, count=400 if ctx.large else 24)
    session.add_all(extra)
    sub_groups = []
    for number, (code, title, description, bodies, lead) in enumerate(PRIORITY_AREAS, start=1):
        sub = Board(
            name=f"Sub-group {number}: {title}",
            kind=BoardKind.SUB_GROUP,
            parent=delivery,
            quorum=3,
            papers_deadline_days=8,
            chair=people[lead],
            cadence="Monthly, first Thursday, 13:00–14:30",
        )
        session.add(sub)
        session.add(
            Membership(person=people[lead], board=sub, role=MemberRole.CHAIR, from_date=start)
        )
        for person in ctx.rng.sample(extra, k=min(len(extra), 12 if ctx.large else 4)):
            session.add(Membership(person=person, board=sub, from_date=start))
        session.add(
            PriorityArea(
                code=code,
                title=title,
                description=description,
                responsible_bodies=bodies,
                lead=people[lead],
                sub_group=sub,
            )
        )
        sub_groups.append(sub)
    if ctx.large:
        _benchmark_memberships(ctx, extra, sub_groups, delivery, start)

    session.add_all(
        [
            Setting(key="secretary_name", value="Jack Lindqvist"),
            Setting(key="secretary_email", value=_email("jack.lindqvist", COUNCIL)),
            Setting(key="classification", value="OFFICIAL"),
        ]
    )
    ctx.made.update(
        people=people,
        organisations=orgs,
        board=board,
        delivery=delivery,
        scrutiny=scrutiny,
        sub_groups=sub_groups,
        extra_people=extra,
    )


def _benchmark_memberships(
    ctx: DemoContext, extra: list[Person], sub_groups: list[Board], delivery: Board, start: date
) -> None:
    """Large demo only: most people sit on one or two sub-groups, some left one last year, and
    the Delivery Group is big, so lists and member tables have benchmark-sized contents."""
    session = ctx.session
    taken = {(id(m.person), id(m.board)) for m in session.new if isinstance(m, Membership)}

    def join(person: Person, board: Board, **dates: date) -> None:
        if (id(person), id(board)) not in taken:
            taken.add((id(person), id(board)))
            session.add(Membership(person=person, board=board, **dates))

    for person in extra:
        for sub in ctx.rng.sample(sub_groups, k=ctx.rng.randint(1, 2)):
            join(person, sub, from_date=start)
        if ctx.rng.random() < 0.2:
            join(
                person,
                ctx.rng.choice(sub_groups),
                from_date=add_months(start, -16),
                to_date=start - timedelta(days=1),
            )
    for person in ctx.rng.sample(extra, k=40):
        join(person, delivery, from_date=start)


def _extra_people(ctx: DemoContext, orgs: dict[str, Organisation], count: int) -> list[Person]:
    names = list(orgs)[:2] + list(orgs)[4:]
    made, seen = [], set()
    while len(made) < count:
        first, last = ctx.rng.choice(FIRST), ctx.rng.choice(LAST)
        suffix = "" if (first, last) not in seen else str(len(made))
        seen.add((first, last))
        org = ctx.rng.choice(names)
        local = f"{first}.{last}{suffix}".lower().replace("é", "e")
        made.append(
            Person(
                name=f"{first} {last}",
                title=ctx.rng.choice(TITLES),
                organisation=orgs[org],
                email=_email(local, org),
            )
        )
    return made
