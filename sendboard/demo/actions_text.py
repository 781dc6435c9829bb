"""Wording for the demo action log: fictional actions of the Kingsmere improvement plan."""

from __future__ import annotations

#: Per priority area: (action, measurable target).
ACTIONS = {
    "P1": [
        ("Agree a joint SEND strategy signed by the council and the ICB",
         "Strategy approved by both boards and published on the Local Offer"),
        ("Publish a partnership SEND performance dashboard each month",
         "Dashboard issued five working days before every board meeting"),
        ("Set up a joint quality assurance framework for EHC plans",
         "Framework agreed; 20 plans audited each quarter"),
        ("Train elected members on their SEND responsibilities",
         "90% of members of the Children's Scrutiny Board trained"),
        ("Bring the SEND risk register into the corporate risk process",
         "SEND risks reported to the corporate risk panel each quarter"),
        ("Agree terms of reference for each priority sub-group",
         "Terms of reference approved by the Delivery Group"),
        ("Recruit a permanent Head of SEND Improvement", "Post filled on a permanent contract"),
        ("Hold a partnership self-evaluation workshop before each stocktake",
         "Self-evaluation sent to the DfE two weeks before the stocktake"),
    ],
    "P2": [
        ("Refresh the Local Offer website with families",
         "Page views up 30%; PCF survey rating 'good'"),
        ("Share EHC plan status between education and health systems",
         "Data-sharing agreement signed; daily automated feed live"),
        ("Introduce a single point of contact for families awaiting assessment",
         "Every family told their contact within 5 working days"),
        ("Publish a quarterly newsletter for parents and carers", "Four editions a year"),
        ("Agree a complaints and compliments log shared by partners",
         "Shared log in use by the council, ICB and health trust"),
        ("Give schools read access to the SEND case management system",
         "All maintained schools connected"),
        ("Send a 'you said, we did' report to the Parent Carer Forum",
         "Report issued after each board meeting"),
        ("Set up a multi-agency information-sharing protocol",
         "Protocol signed by all eight partners"),
    ],
    "P3": [
        ("Complete a joint strategic needs assessment for SEND", "JSNA chapter published"),
        ("Jointly commission speech and language therapy for 0–25s",
         "New contract in place; waits under 18 weeks"),
        ("Review short breaks provision with families", "Review report with 50 family responses"),
        ("Agree a joint funding panel for complex placements",
         "Panel meets fortnightly; decisions within 10 days"),
        ("Commission post-16 supported internships with the college",
         "25 supported internships a year"),
        ("Align council and ICB commissioning cycles",
         "Joint commissioning plan for the next financial year"),
        ("Set up a dynamic support register for children at risk of admission",
         "Register reviewed monthly by health and care"),
        ("Commission independent advice and support for families",
         "Service recommissioned with PCF on the panel"),
    ],
    "P4": [
        ("Reduce waits for neurodevelopmental assessment", "No child waits more than 40 weeks"),
        ("Offer support while children wait for assessment",
         "Every waiting family offered a support session"),
        ("Train early years settings to identify needs early",
         "80% of settings with a trained SENCo"),
        ("Introduce a speech and language drop-in in family hubs",
         "Weekly drop-in in all four family hubs"),
        ("Add developmental checks to the 2-year review", "95% of reviews include the check"),
        ("Publish waiting times for therapy services", "Waiting times on the Local Offer monthly"),
        ("Expand the school nursing offer to special schools",
         "Named nurse in every special school"),
        ("Agree a graduated response toolkit for schools",
         "Toolkit in use in 90% of schools"),
    ],
    "P5": [
        ("Issue new EHC plans within 20 weeks", "Timeliness at or above the national average"),
        ("Clear the backlog of annual reviews", "No review overdue by more than 4 weeks"),
        ("Improve health advice returned for EHC needs assessments",
         "95% of health advice returned within 6 weeks"),
        ("Audit the quality of new EHC plans each quarter",
         "80% of audited plans rated good or better"),
        ("Recruit additional educational psychologists", "Four posts filled"),
        ("Co-produce an EHC plan template with young people", "Template in use for all new plans"),
        ("Introduce tracking of outcomes in annual reviews",
         "Outcomes recorded for 90% of reviews"),
        ("Agree a protocol for post-16 transfer reviews", "All transfers agreed by 31 March"),
    ],
}  # fmt: skip

UPDATES = {
    "G": [
        "On track; milestones for this period met.",
        "Work progressing to plan; next milestone agreed with partners.",
        "Delivery on schedule; feedback from families positive.",
        "Actions for this cycle complete; monitoring continues.",
    ],
    "A": [
        "Some slippage due to staffing; end date not at risk.",
        "Partner sign-off delayed; recovery plan agreed.",
        "Data quality issues being resolved; minor delay.",
        "Procurement took longer than planned; timetable revised internally.",
    ],
    "R": [
        "Off track: recruitment unsuccessful; escalated to the Delivery Group.",
        "No progress this period; the lead has asked for support.",
        "Dependent work not started; risk added to the register.",
        "Funding not yet agreed between partners; escalation needed.",
    ],
    "B": [
        "Complete; evidence of impact presented to the board.",
        "Delivered; closure recommended to the board.",
    ],
}

EVIDENCE = [
    "Parent Carer Forum survey: 68% of families say communication has improved (was 41%).",
    "Waiting list fell from 412 to 287 children over six months.",
    "Audit of 20 plans: 15 rated good or better (was 8).",
    "Case studies from three families presented to the board.",
]

REVISION_REASONS = [
    "Recruitment delayed; agreed by the Delivery Group.",
    "Dependent on the new case management system going live.",
    "Extended to include post-16 settings at the board's request.",
]

LOCALITIES = ["north locality", "south locality", "east locality", "west locality", "town centre"]
