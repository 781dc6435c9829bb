"""The fictional Kingsmere Improvement Notice, modelled on real SEND notices, as its text would
be pasted from the PDF; and the borough's co-production events."""

from __future__ import annotations

from sendboard.domain.stocktake.engagement import EventFormat

NOTICE = """\
Improvement Notice

To: Kingsmere Borough Council ('the council')

This Improvement Notice is issued to Kingsmere Borough Council on {issued} following the Ofsted
and CQC Area SEND Inspection.

1. This notice is given to address the areas for priority action and improvement identified in
the report of the inspection.

Improvement plan

2. The Council's improvement plans must cover the areas of priority action, including:
 a. improve the shared strategic oversight, governance, support and challenge across the
partnership;
 b. improve the quality of information gathering and sharing across the Local Area SEND
partnership;
 c. improve the joint commissioning of services so that families receive sufficient support;
 d. improve the early identification of needs and access to specialist health pathways;
 e. improve the timeliness of new EHC plans and of annual reviews;
 f. improve the quality of assessment, advice and planning across education, health and care;
 g. ensure that communication with parents, carers, children and young people is enhanced;
 h. improve the pace and traction of the alternative provision strategy.
3. To ensure there is clear evidence of progression:
 a. the Council must ensure there is an improvement board attended by key leaders across
education, health and care to a timetable agreed with the Department;
 b. the Improvement Board must have clearly assigned accountabilities for all actions, with
clear and measurable targets;
 c. a risk register and mitigation plan is updated in line with the meeting cycle;
 d. reports to the Improvement Board include data, analysis and evidence of impact on the
lived experience of children and families;
 e. the Improvement Board maintains an action and impact log updated at each meeting.
4. Invitations to Improvement Board meetings must be sent on each occasion to the DfE adviser,
the NHS England adviser and the Department's case lead.

Department for Education Stocktake Reviews

5. Prior to any reviews, the Council should provide its own assessment of improvement:
 a. progress against improvement plan objectives;
 b. feedback from parents and carers;
 c. the documentary evidence used to plan, track and evaluate the impact of actions:
  I. A progress update against each area of priority action;
  II. A dashboard of performance measures showing whether targets and milestones are met;
  III. Evidence that key partners, including children and young people, families and
schools, are playing an active role in improving services.

Signed:
"""

#: requirement -> priority areas whose first actions answer it (how many of each)
ACTION_LINKS = {
    "2a": (("P1", 3),),
    "2b": (("P2", 2),),
    "2c": (("P3", 3),),
    "2d": (("P4", 3),),
    "2e": (("P5", 3),),
    "2f": (("P5", 2), ("P4", 1)),
    "2g": (("P2", 3),),
    "3a": (("P1", 2),),
    "3b": (("P1", 1),),
    "3d": (("P1", 1),),
    "3e": (("P1", 1),),
    "5a": (("P1", 1), ("P5", 1)),
    "5c.I": (("P1", 1),),
}
#: requirement -> priority areas whose measures answer it
MEASURE_LINKS = {
    "2a": ("P1",),
    "2d": ("P4",),
    "2e": ("P5",),
    "2g": ("P2",),
    "5c.II": ("P1", "P5"),
}
#: requirement -> priority areas whose risks it names
RISK_LINKS = {"3c": ("P1", "P5"), "2e": ("P5",), "2d": ("P4",)}

#: (months before today, format, title, who took part, how many, said, changed, areas,
#: requirements)
EVENTS = (
    (
        9,
        EventFormat.SURVEY,
        "Parent and carer survey on EHC plans",
        "Parents and carers",
        214,
        "Plans arrive late and families are not told why.",
        "Families awaiting a plan now get a named contact and a monthly update.",
        ("P5",),
        ("2e", "5b"),
    ),
    (
        8,
        EventFormat.FORUM,
        "Parent Carer Forum open meeting",
        "Parent Carer Forum; Parents and carers",
        46,
        "The Local Offer is hard to search and out of date.",
        "Local Offer rebuilt with families; pages reviewed every quarter.",
        ("P2",),
        ("2g",),
    ),
    (
        7,
        EventFormat.WORKSHOP,
        "Co-producing the SEND strategy",
        "Parent Carer Forum; Schools and settings; Health",
        38,
        "The strategy should say what will change for children, not for services.",
        "Strategy rewritten around six 'I statements' chosen by families.",
        ("P1",),
        ("2a", "5c.III"),
    ),
    (
        6,
        EventFormat.VISIT,
        "Young people's panel at Dunmoor College",
        "Children and young people",
        17,
        "Preparing for adulthood starts too late; nobody asks us at reviews.",
        "Annual reviews from Year 9 now include the young person's own section.",
        ("P5",),
        ("2f", "5c.III"),
    ),
    (
        5,
        EventFormat.CONSULTATION,
        "Consultation on the therapy pathway",
        "Parents and carers; Health; Schools and settings",
        132,
        "Waits for speech and language therapy leave children without support.",
        "Interim advice line for families and schools while children wait.",
        ("P4",),
        ("2d",),
    ),
    (
        4,
        EventFormat.SURVEY,
        "SENCO survey on the graduated response",
        "Schools and settings",
        58,
        "Schools want one toolkit and quicker advice.",
        "Graduated response toolkit published; SENCO advice line opened.",
        ("P4",),
        ("2d",),
    ),
    (
        4,
        EventFormat.FORUM,
        "Health and education joint practice forum",
        "Health; Social care; Frontline staff",
        29,
        "Advice for EHC assessments arrives in different formats.",
        "",
        ("P5",),
        ("2f",),
    ),
    (
        3,
        EventFormat.WORKSHOP,
        "Designing the joint commissioning plan",
        "Parent Carer Forum; Voluntary sector; Health",
        24,
        "Short breaks are hard to find and to book.",
        "Short breaks added to the joint commissioning plan with a single booking route.",
        ("P3",),
        ("2c",),
    ),
    (
        2,
        EventFormat.VISIT,
        "Visits to three special schools",
        "Children and young people; Schools and settings",
        41,
        "Pupils want a say in how their school is improved.",
        "School councils now feed into the sub-group for priority area 5.",
        ("P5",),
        ("5c.III",),
    ),
    (
        2,
        EventFormat.SURVEY,
        "'You said, we did' newsletter survey",
        "Parents and carers",
        176,
        "Families want to hear what changed, not what is planned.",
        "Newsletter now leads with changes made, each traced to what families said.",
        ("P2",),
        ("2g", "5b"),
    ),
    (
        1,
        EventFormat.FORUM,
        "Parent Carer Forum board briefing",
        "Parent Carer Forum",
        12,
        "Families should see the stocktake self-assessment first.",
        "The Forum reviews the self-assessment draft before it goes to the Department.",
        ("P1",),
        ("5a", "5b"),
    ),
    (
        0,
        EventFormat.WORKSHOP,
        "Alternative provision listening event",
        "Children and young people; Parents and carers",
        19,
        "Placements change too often.",
        "",
        (),
        (),
    ),
)
