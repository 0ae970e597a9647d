"""What the checklist page asks, in which order, and what it says about each level.

Every answer code of `triage-contract.md` has exactly one question here (a test checks it). The
emergency signs come first and need an explicit yes or no. The risk answers (`modifier`) are
needed too and may be "not sure", which counts as yes (`triage.assess_with_not_sure`); the
others may be left blank or answered "not sure", which counts as not reported.
"""

from dataclasses import dataclass, replace

from . import triage

YES, NO = "yes", "no"


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    help: str
    group: str
    #: Asked first, and an explicit answer is needed.
    emergency: bool = False
    parent: str | None = None
    number: bool = False
    #: One of `triage.RISK_MODIFIER_CODES`: needed too, and "not sure" counts as yes.
    modifier: bool = False
    #: The words on the two radio buttons, in page order, as (form value, label). Most questions
    #: use Yes / No; a question whose code is a negative (`not_improving`) offers two plain
    #: statements instead, so nobody has to answer a double negative.
    options: tuple[tuple[str, str], ...] = ((YES, "Yes"), (NO, "No"))

    @property
    def label(self) -> str:
        return triage.ANSWER_CODES[self.code]


@dataclass(frozen=True)
class Group:
    slug: str
    title: str
    intro: str
    #: Shown on the closed section so a person can tell at a glance whether it applies. Empty for
    #: the sections that are always open (the emergency signs are never folded away).
    preview: str = ""


# Said under each question about a sign that is an emergency only when it is new (GIRFT 2023:
# "recent onset, or deterioration"). Long-standing, unchanged symptoms go to a routine visit.
LONG_STANDING = (
    "Had it for a long time without change (for example years of leaking a little when you "
    "cough, or numb feet from diabetes)? Answer no, and mention it at a routine appointment. If "
    "you are not sure whether it has changed, answer yes."
)

GROUPS = (
    Group(
        "emergency",
        "Emergency signs",
        "We ask everyone these, because they are easy to miss. They are about what is new, or "
        "worse, since this back pain began. Answer yes or no to each; if you are not sure, "
        "answer yes. A yes means getting help straight away: some mean calling the emergency "
        "number now, others seeing a doctor today.",
    ),
    Group("about", "About you and this episode", "You can leave any of these blank."),
    Group(
        "nerves",
        "Your legs and nerves",
        "About one leg. Both legs are asked about above.",
        "pain down one leg, numbness, or weakness in a leg or foot",
    ),
    Group(
        "bone",
        "Injury and bones",
        "",
        "a fall, knock or strain, osteoporosis, or steroid tablets",
    ),
    Group(
        "cancer",
        "Cancer and other warning signs",
        "",
        "cancer now or in the past, weight loss, pain at night, pain between the shoulder "
        "blades, pain worse on coughing, constant pain, or a lump",
    ),
    Group(
        "infection",
        "Infection",
        "",
        "a high temperature, injecting drugs, a weak immune system, or a recent infection, "
        "spinal injection or operation",
    ),
    Group(
        "inflammatory",
        "Stiffness and inflammation",
        "",
        "morning stiffness, pain eased by exercise, waking in the early hours, psoriasis, bowel "
        "or eye inflammation",
    ),
)

QUESTIONS = (
    # Emergency signs, asked first.
    Question(
        "saddle_numbness",
        "Since this back pain began, have you had new numbness, tingling or a strange feeling "
        "around your genitals, buttocks, back passage or inner thighs?",
        "For example, it feels different when you wipe yourself with toilet paper, or it feels "
        "like sitting on a saddle. " + LONG_STANDING,
        "emergency",
        emergency=True,
    ),
    Question(
        "bladder_change",
        "Since this back pain began, have you had new problems peeing, or are old ones worse?",
        "Difficulty starting or stopping, a weak flow, or not feeling when your bladder is full "
        "or when you pee. " + LONG_STANDING,
        "emergency",
        emergency=True,
    ),
    Question(
        "incontinence",
        "Since this back pain began, have you lost control of your bladder or bowel, or is a "
        "leak you already had worse?",
        "Peeing or pooing yourself, leaking urine or faeces, or suddenly needing pads. "
        + LONG_STANDING,
        "emergency",
        emergency=True,
    ),
    Question(
        "sexual_change",
        "Have you newly lost feeling in your genitals, or had new problems with erection or "
        "ejaculation?",
        "Only changes that are new, or worse, since this back pain began. " + LONG_STANDING,
        "emergency",
        emergency=True,
    ),
    Question(
        "both_legs",
        "Do you have new pain, tingling, numbness or weakness in both legs?",
        "In both legs at the same time, or pain that started in one leg and has spread to the "
        "other. " + LONG_STANDING,
        "emergency",
        emergency=True,
    ),
    Question(
        "walking_difficulty",
        "Is walking newly difficult: are you unsteady on your feet, or do your legs give way?",
        "New since this back pain began, or worse than before; not pain that only makes you "
        "walk slowly. " + LONG_STANDING,
        "emergency",
        emergency=True,
    ),
    Question(
        "major_trauma",
        "Did the pain start after a serious accident?",
        "For example a road collision or a fall from a height.",
        "emergency",
        emergency=True,
    ),
    Question(
        "chest_pain",
        "Do you have chest pain?",
        "Any pain, pressure or tightness in your chest, together with the back pain.",
        "emergency",
        emergency=True,
    ),
    Question(
        "sudden_onset",
        "Did this pain come on suddenly, and is it severe and unlike any back pain you have had "
        "before?",
        "For example it started within minutes, without a fall or injury, and it is the worst "
        "back pain you have had.",
        "emergency",
        emergency=True,
    ),
    Question(
        "abdominal_pain",
        "Do you have new pain in your tummy, or a pulsing feeling in your tummy?",
        "Tummy means your abdomen. New means it started with or after the back pain.",
        "emergency",
        emergency=True,
    ),
    Question(
        "faint_or_collapse",
        "Have you fainted or collapsed, or do you feel faint, pale and clammy?",
        "Clammy means cold and sweaty skin.",
        "emergency",
        emergency=True,
    ),
    Question(
        "feel_very_unwell",
        "Do you feel very unwell, confused or unusually drowsy?",
        "Much more unwell than back pain alone would make you feel, or other people say you "
        "are not making sense.",
        "emergency",
        emergency=True,
    ),
    # About you and this episode.
    Question(
        "age",
        "How old are you?",
        "In whole years. Some warning signs matter more at certain ages.",
        "about",
        number=True,
        modifier=True,
    ),
    Question(
        "duration_weeks",
        "How many weeks has this episode of back pain lasted?",
        "Enter 0 if it is less than a week. Pain lasting 12 weeks or more is called persistent "
        "(chronic).",
        "about",
        number=True,
    ),
    Question(
        "vascular_risk",
        "Do you have an aortic aneurysm, heart or circulation disease or high blood pressure, or "
        "do you smoke or used to smoke?",
        "An aortic aneurysm is a swelling of the main blood vessel in your tummy. Circulation "
        "disease includes a past stroke or poor circulation in the legs.",
        "about",
        modifier=True,
    ),
    Question(
        "worsening",
        "Is the pain getting worse?",
        "Over days or weeks, not just from hour to hour.",
        "about",
    ),
    Question(
        "not_improving",
        "Has the pain started to get better?",
        "Choose the second answer if it is no better than when it started.",
        "about",
        options=(
            (NO, "It has started to get better"),
            (YES, "It has not started to get better yet"),
        ),
    ),
    Question(
        "severe_pain",
        "Is the pain so bad that it is hard to move, sleep, wash or dress?",
        "Severe pain is always there and makes ordinary things very hard.",
        "about",
    ),
    Question(
        "stops_daily_activities",
        "Does the pain stop you doing your day-to-day activities?",
        "For example work, shopping, looking after others or getting about.",
        "about",
    ),
    Question(
        "struggling_to_cope",
        "Are you worried about the pain or struggling to cope?",
        "Including feeling low, anxious or overwhelmed because of it.",
        "about",
    ),
    # Nerves in one leg.
    Question(
        "sciatica",
        "Does pain spread down one leg, below the knee?",
        "Often called sciatica: a nerve in the back is irritated, and the pain is felt in the "
        "leg or foot.",
        "nerves",
    ),
    Question(
        "leg_numbness",
        "Do you have numbness or pins and needles in one leg?",
        "Part of the leg or foot feels numb, tingly or different when you touch it.",
        "nerves",
        modifier=True,
    ),
    Question(
        "leg_weakness",
        "Do you have new weakness in a leg or foot?",
        "For example your foot slaps the ground, you trip over it, or you cannot stand on your "
        "heel or your toes.",
        "nerves",
        modifier=True,
    ),
    Question(
        "weakness_progressing",
        "Is that weakness getting worse?",
        "Compared with when you first noticed it, it is harder to lift the foot or stand on it.",
        "nerves",
        parent="leg_weakness",
    ),
    # Injury and bone.
    Question(
        "minor_trauma",
        "Did the pain start after a minor fall or knock, or after lifting or straining?",
        "For example a trip at home, or lifting something heavy.",
        "bone",
    ),
    Question(
        "osteoporosis",
        "Have you been told you have osteoporosis (thin or weak bones)?",
        "Osteoporosis makes bones break more easily.",
        "bone",
        modifier=True,
    ),
    Question(
        "long_term_steroids",
        "Have you taken steroid tablets for a long time?",
        "Steroid (corticosteroid) tablets such as prednisolone, taken for months, for example "
        "for asthma or arthritis.",
        "bone",
        modifier=True,
    ),
    # Cancer and other warning signs.
    Question(
        "cancer_history",
        "Do you have cancer now, or have you had cancer in the past?",
        "Any cancer, even if it was treated long ago. Breast, lung, prostate cancer and myeloma "
        "matter most.",
        "cancer",
        modifier=True,
    ),
    Question(
        "weight_loss",
        "Are you losing weight without trying?",
        "Without dieting or changing how much you eat or exercise.",
        "cancer",
    ),
    Question(
        "night_pain",
        "Is the pain worse at night or stopping you sleeping, and not eased by changing position?",
        "Pain that keeps you awake and does not settle when you move or change position.",
        "cancer",
    ),
    Question(
        "thoracic_pain",
        "Is the pain high in your back, between your shoulder blades?",
        "Rather than in the lower back.",
        "cancer",
    ),
    Question(
        "worse_on_straining",
        "Is the pain worse when you cough, sneeze or strain on the toilet?",
        "Straining means pushing hard, for example when constipated.",
        "cancer",
    ),
    Question(
        "constant_progressive",
        "Is the pain constant and getting steadily worse, and not eased by rest or position?",
        "It never lets up, whatever you do.",
        "cancer",
    ),
    Question(
        "back_lump",
        "Is there a lump, swelling or redness on your back, or has its shape changed?",
        "Something you or someone else can see or feel.",
        "cancer",
    ),
    # Infection.
    Question(
        "fever",
        "Do you have a high temperature, shivering or chills?",
        "You feel hot or shivery, or a thermometer shows a high temperature.",
        "infection",
    ),
    Question(
        "iv_drug_use",
        "Do you inject drugs?",
        "Now or recently. This is asked only because it makes spine infections more likely.",
        "infection",
        modifier=True,
    ),
    Question(
        "immunosuppressed",
        "Do you have an illness or treatment that weakens your immune system?",
        "For example chemotherapy, medicines after a transplant, HIV, or poorly controlled "
        "diabetes.",
        "infection",
        modifier=True,
    ),
    Question(
        "recent_infection",
        "Have you recently had a bacterial infection, a spinal injection or a spinal operation?",
        "In the last few weeks; for example a urine or skin infection treated with antibiotics.",
        "infection",
    ),
    # Inflammatory back pain.
    Question(
        "morning_stiffness",
        "Is your back stiff for more than 30 minutes after you get up?",
        "Stiffness that takes a long time to wear off in the morning.",
        "inflammatory",
    ),
    Question(
        "eases_with_movement",
        "Does the pain get better with exercise, but not with rest?",
        "Moving about helps, while resting makes it no better or worse.",
        "inflammatory",
    ),
    Question(
        "wakes_late_night",
        "Does the pain wake you in the second half of the night?",
        "For example around 3 or 4 in the morning, easing once you get up.",
        "inflammatory",
    ),
    Question(
        "inflammatory_history",
        "Do you have psoriasis, inflammatory bowel disease or eye inflammation (uveitis), or a "
        "close relative with spondyloarthritis or ankylosing spondylitis?",
        "Inflammatory bowel disease means Crohn's disease or ulcerative colitis. A close "
        "relative is a parent, brother, sister or child.",
        "inflammatory",
    ),
)

QUESTIONS_BY_CODE = {question.code: question for question in QUESTIONS}
EMERGENCY_CODES = tuple(question.code for question in QUESTIONS if question.emergency)
FOLLOW_UPS = {question.parent: question for question in QUESTIONS if question.parent is not None}


@dataclass(frozen=True)
class Service:
    """Where a person is sent: its name, and a number for `tel:` and a web address if it has
    them ("" when there is no single number or site)."""

    name: str
    tel: str = ""
    url: str = ""


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    #: The emergency number as dialled, usable in `tel:` (`f"tel:{region.emergency}"`).
    emergency: str
    #: Where to go in an emergency, in the words used there.
    emergency_place: str
    #: The urgent advice service in plain words, e.g. "NHS 111".
    urgent: str
    urgent_service: Service
    #: Who to book an ordinary appointment with.
    doctor: str
    sources: tuple[triage.Source, ...]

    @property
    def emergency_service(self) -> Service:
        return Service(f"call {self.emergency}", tel=self.emergency)


REGIONS = {
    region.code: region
    for region in (
        Region(
            "uk",
            "United Kingdom",
            "999",
            "A&E",
            "NHS 111",
            Service("NHS 111 online, or call 111", tel="111", url="https://111.nhs.uk/"),
            "your GP surgery",
            (triage.NHS_WHEN_999, triage.NHS_WHEN_111),
        ),
        Region(
            "eu",
            "European Union",
            "112",
            "the emergency department",
            "your doctor's out-of-hours service",
            # 116117 is the out-of-hours doctor number in Germany; other EU countries have
            # their own, so no single number is offered for the whole region.
            Service("your doctor's out-of-hours service (in Germany, call 116117)"),
            "your family doctor",
            (triage.EU_112, triage.KBV_116117),
        ),
        Region(
            "us",
            "United States",
            "911",
            "the emergency room",
            "your doctor's after-hours line or an urgent care center",
            Service("your doctor's after-hours line, or an urgent care center"),
            "your doctor",
            (triage.MEDLINEPLUS_ER,),
        ),
    )
}


@dataclass(frozen=True)
class Card:
    """A level shown as an NHS care card: one action heading, a hidden screen-reader prefix,
    at most five concrete bullets, one service signposted; every text filled in for a region."""

    level: str
    heading: str
    sr_prefix: str
    bullets: tuple[str, ...]
    service: Service
    #: A second way to get help when the first cannot be reached (the cancer team card).
    fallback: Service | None = None


@dataclass(frozen=True)
class LevelInfo:
    code: str
    title: str
    icon: str
    action: str
    detail: str
    sources: tuple[triage.Source, ...] = ()
    #: Care card. Texts may use {emergency}, {place}, {urgent} and {doctor} from the region.
    heading: str = ""
    sr_prefix: str = ""
    bullets: tuple[str, ...] = ()
    #: "emergency", "urgent" or "doctor": which of the region's services is signposted, or
    #: any other text, signposted as it is.
    service: str = ""
    #: The words on a reason's label at this level (never jargon such as a level code).
    chip: str = ""

    def card(self, region: Region) -> Card:
        return Card(
            self.code,
            _fill(self.heading, region),
            self.sr_prefix,
            tuple(_fill(bullet, region) for bullet in self.bullets),
            _service(self.service, region),
        )


def _fill(text: str, region: Region) -> str:
    return text.format(
        emergency=region.emergency,
        place=region.emergency_place,
        urgent=region.urgent,
        doctor=region.doctor,
    )


def _service(kind: str, region: Region) -> Service:
    if kind == "emergency":
        return region.emergency_service
    if kind == "urgent":
        return region.urgent_service
    if kind == "doctor":
        return Service(region.doctor)
    return Service(kind)


LEVEL_INFO = {
    info.code: info
    for info in (
        LevelInfo(
            triage.EMERGENCY,
            "Emergency: get help now",
            "!",
            "Call the emergency number (999 / 112 / 911) or go to A&E / the emergency "
            "department now.",
            "Go now: do not wait to see if it gets better. Take this summary with you, or show "
            "it on your phone.",
            (triage.NHS_999, triage.GIRFT_CES),
            heading="Call {emergency} or go to {place} now",
            sr_prefix="Emergency advice:",
            bullets=(
                "Go now: do not wait to see if it gets better.",
                "If you cannot get there safely, call {emergency} for an ambulance.",
                "Say which warning signs you have, or show this page on your phone.",
            ),
            service="emergency",
            chip="Emergency",
        ),
        LevelInfo(
            triage.SAME_DAY,
            "See a doctor today",
            "!",
            "Get an urgent appointment with a doctor today, or call the urgent advice line "
            "(NHS 111 in England).",
            "If you cannot get an appointment today, go to an urgent treatment centre or A&E.",
            (triage.NHS_111,),
            heading="Ask {doctor} for an appointment today, or get help from {urgent}",
            sr_prefix="Urgent advice:",
            bullets=(
                "Ask for an appointment today, and say which warning signs you have.",
                "If you cannot get one today, contact {urgent}: they will tell you where to go.",
                "If it gets much worse, or you get a sign listed under emergencies, call "
                "{emergency} or go to {place}.",
            ),
            service="urgent",
            chip="See a doctor today",
        ),
        LevelInfo(
            triage.WITHIN_DAYS,
            "See a doctor within a few days",
            "i",
            "See a doctor within the next few days.",
            "Book the appointment now and say which warning signs you have.",
            (triage.CKS_RED_FLAGS,),
            heading="Book an appointment with {doctor} in the next few days",
            sr_prefix="Non-urgent advice:",
            bullets=(
                "Book it now, and say which warning signs you have.",
                "Keep as active as you can in the meantime.",
                "If it gets worse before then, ask for an appointment today or contact {urgent}.",
            ),
            service="doctor",
            chip="See a doctor within days",
        ),
        LevelInfo(
            triage.ROUTINE,
            "Book a routine appointment",
            "i",
            "Book a routine appointment with a doctor or physiotherapist.",
            "Meanwhile, carry on with your normal activities as far as you can.",
            (triage.NHS_GP, triage.NICE_NG59),
            heading="Book a routine appointment with {doctor} or a physiotherapist",
            sr_prefix="Non-urgent advice:",
            bullets=(
                "There is no need to rush, but do book it.",
                "Carry on with your normal activities as far as you can.",
                "If a new warning sign appears, answer this checklist again.",
            ),
            service="doctor",
            chip="Routine appointment",
        ),
        LevelInfo(
            triage.SELF_CARE,
            "Self-care is appropriate now",
            "✓",
            "You can look after your back yourself for now; below is when to get help.",
            "Carry on with your normal activities as far as you can: most back pain starts to "
            "ease within 2 weeks.",
            (triage.NHS_EXERCISE, triage.NICE_NG59, triage.IFOMPT_2020),
            heading="You can look after your back yourself for now",
            sr_prefix="Non-urgent advice:",
            bullets=(
                "Keep moving and carry on with your normal activities as far as you can.",
                "Gentle exercises and stretches can help.",
                "A pharmacist can advise you on pain relief.",
                "If it has not started to get better within 2 weeks, or a warning sign "
                "appears, answer this checklist again.",
            ),
            service="a pharmacist, for advice on pain relief",
            chip="Good to know",
        ),
    )
}

#: Rules after which a person with a cancer history is sent to their cancer team first (NICE
#: CG75: contact the MSCC coordinator / acute oncology service immediately).
CANCER_TEAM_RULES = frozenset({"mscc_cancer_with_nerve_signs"})
CANCER_TEAM_INFO = LevelInfo(
    triage.EMERGENCY,
    "Emergency: call your cancer team now",
    "!",
    "Call your cancer team's 24-hour line now. If you cannot reach them, call the emergency "
    "number (999 / 112 / 911).",
    "Say that you have had cancer and have new back pain with these symptoms.",
    (triage.NICE_CG75,),
    heading="Call your cancer team's 24-hour line now",
    sr_prefix="Emergency advice:",
    bullets=(
        "Say that you have had cancer and have new back pain with nerve symptoms.",
        "If you cannot reach them straight away, or you have no cancer team number, call "
        "{emergency} or go to {place}.",
        "Do not wait until your next appointment.",
    ),
    service="your cancer team's 24-hour line (the number on your treatment card or letters)",
    chip="Emergency",
)


def care_card(result: triage.Result, region: Region) -> Card:
    """The card for a result: the level's card, or the cancer team card when the only
    emergency is cancer with nerve symptoms (the emergency number is then the fallback)."""
    urgent = [reason.rule.id for reason in result.reasons if reason.level == triage.EMERGENCY]
    if urgent and set(urgent) <= CANCER_TEAM_RULES:
        return replace(CANCER_TEAM_INFO.card(region), fallback=region.emergency_service)
    return LEVEL_INFO[result.level].card(region)


# When to come back or seek help, whatever the result today. Each line sums up rules above, with
# the same sources.
SAFETY_NET_SOURCES = (
    triage.IFOMPT_2020,
    triage.NHS_999,
    triage.NHS_111,
    triage.NHS_GP,
    triage.NHS_STOMACH_ACHE,
)
SAFETY_NET = (
    (
        triage.EMERGENCY,
        "Call 999 / 112 / 911 or go to A&E if you develop new numbness around your genitals, "
        "buttocks or back passage, new problems peeing, loss of bladder or bowel control, new "
        "sexual problems, symptoms in both legs, chest pain, sudden or severe tummy pain, or "
        "you faint, or feel very unwell or confused.",
    ),
    (
        triage.SAME_DAY,
        "Get an urgent appointment the same day (NHS 111 in England) if you get a high "
        "temperature, new weakness in a leg, new difficulty walking, new tummy pain, lose weight "
        "without trying, or the pain becomes constant, is worse at night or moves up between "
        "your shoulder blades.",
    ),
    (
        triage.ROUTINE,
        "See a GP or physiotherapist if the pain has not started to get better within a few "
        "weeks, gets worse, stops your daily activities, or you are struggling to cope.",
    ),
    (
        "again",
        "Answer this checklist again whenever something changes: a new or changed symptom is "
        "the moment to check again.",
    ),
)


# Advice for the person's own risks: signs that would make their answers an emergency (the
# combination rules in triage.py), shown first when any of the codes was answered yes.
PERSONAL_SAFETY_NET = (
    (
        ("cancer_history",),
        "Because you have had cancer: if you get pain spreading down a leg, numbness or "
        "weakness in a leg, difficulty walking, or problems controlling your bladder or bowel, "
        "call your cancer team's 24-hour line straight away. If you cannot reach them, or have "
        "no such number, call 999 / 112 / 911 or go to A&E, and say that you have had cancer.",
        (triage.NICE_CG75, triage.SCOTTISH_CANCER, triage.UKONS_HELPLINE),
    ),
    (
        ("fever", "iv_drug_use", "immunosuppressed", "recent_infection"),
        "Because a spine infection is possible: call 999 / 112 / 911 or go to A&E if you get "
        "numbness or weakness in a leg or difficulty walking, or you feel very unwell, confused "
        "or drowsy.",
        (triage.ACP_2011, triage.YUSUF_2019, triage.NHS_SEPSIS),
    ),
    (
        ("osteoporosis", "long_term_steroids"),
        "Because your bones may be weaker: call 999 / 112 / 911 or go to A&E if you get "
        "numbness or weakness in a leg or difficulty walking, and see a doctor the same day "
        "after any fall, knock or strain that makes the pain worse.",
        (triage.NORTHERN_TRUST, triage.GCARE),
    ),
    (
        ("vascular_risk",),
        "Because of your heart or circulation risks: call 999 / 112 / 911 or go to A&E if you "
        "get new tummy pain, a pulsing feeling in your tummy, or sudden severe back pain unlike "
        "any before, or you feel faint.",
        (triage.NICE_NG156,),
    ),
)


# For the "how the checklist works" page: the choices made where the guidance leaves room, as
# (headline, explanation), each naming its sources.
DESIGN_CHOICES = (
    (
        "Emergency signs are about what is new or worse.",
        "The emergency questions ask what is new, or worse, since this back pain began (GIRFT "
        "2023: “recent onset, or deterioration”). A symptom you have had unchanged for a long "
        "time is for a routine appointment; if you are not sure whether it has changed, answer "
        "yes. Once you report it, how long you have had it never lowers its urgency: some NHS "
        "services send people to the emergency department even when symptoms are more than 2 "
        "weeks old.",
    ),
    (
        "Tummy pain with back pain is an emergency when an aneurysm is more likely:",
        "from the age of 66, or with an aneurysm, heart or circulation disease, high blood "
        "pressure or smoking (NICE NG156), or when it came on suddenly or is severe (NHS: "
        "Stomach ache). NG156 screens men from 66 and women from 70; the checklist does not ask "
        "your sex, so it uses 66 for everyone. Otherwise, for example at 27 without these risks, "
        "it is a same-day check: the NHS sends milder tummy pain to a GP, and the checklist asks "
        "for the same day to be on the safe side.",
    ),
    (
        "Sudden, severe pain unlike any before",
        "is a same-day check on its own (NICE CKS: sudden onset of severe central spinal pain "
        "can mean a broken bone), and an emergency over 65 or with heart or circulation risks "
        "(NICE NG156).",
    ),
    (
        "New difficulty walking",
        "is a same-day check on its own (NICE CKS and G-care list a disturbed walk as a warning "
        "sign), and an emergency with symptoms in both legs, with cancer (NICE CG75), or with a "
        "possible infection or broken bone.",
    ),
    (
        "Over 50, severe or worsening pain means a doctor within a few days,",
        "even without a fall: ACP 2011 counts older age as a fracture risk (over 65 in men, over "
        "75 in women) and Downie 2013 found older age alone carries about a 9% chance of "
        "fracture. Over 50, pain that is neither severe nor getting worse stays at self-care: "
        "guidance calls age a weak warning sign on its own and advises a trial of self-care "
        "first; pain that has not improved after about a month over 50 means a doctor "
        "within a few days (G-care; NICE NG12 for people over 60).",
    ),
    (
        "Back pain under 20 means a doctor within a few days.",
        "The older NICE list used by G-care names it as a warning sign, and the main adult "
        "guidance (NICE NG59) covers people over 16 only.",
    ),
    (
        "Pain down one leg (sciatica) without weakness is self-care",
        "(NICE NG59: keep active and self-manage): see a GP or physiotherapist if it has not "
        "started to get better within a few weeks (NHS), and get help today if the leg becomes "
        "weak. Someone who has had cancer and gets sciatica, numbness, weakness or difficulty "
        "walking is told to call their cancer team's 24-hour line now, and 999 if they cannot "
        "reach it (NICE CG75: an oncological emergency).",
    ),
    (
        "Numbness or weakness in a leg counts as a possible broken bone pressing on a nerve "
        "only when a fracture is suspected:",
        "weak bones (osteoporosis, long-term steroids), or a minor fall or strain over 65. "
        "After an ordinary lift or strain in someone younger, new leg weakness is “see a doctor "
        "today”, not an emergency.",
    ),
    (
        "A minor fall or strain with weak bones",
        "leads to “see a doctor today”. One NHS service (HSC Northern Trust) advises the "
        "emergency department for this, and the result says so.",
    ),
    (
        "Inflammatory back pain",
        "is flagged with two or more of its features after 12 weeks, fewer than NICE NG65 needs "
        "for a specialist referral, because the result is only a routine appointment where your "
        "doctor can apply the full criteria.",
    ),
    (
        "Some answers change what other signs mean, so they need an answer:",
        "your age, cancer, osteoporosis, steroid tablets, a weak immune system, injecting "
        "drugs, leg weakness or numbness, and heart or circulation risks. “Not sure” counts as "
        "yes for these, in every rule, and the result says which answers it counted; for an "
        "unknown age the checklist uses the age that gives the most urgent result. For the "
        "other questions, “not sure” counts as not reported.",
    ),
)


DEFAULT_REGION = "uk"
EU_COUNTRIES = frozenset(
    "at be bg cy cz de dk ee es fi fr gr hr hu ie it lt lu lv mt nl pl pt ro se si sk".split()
)
EU_LANGUAGES = frozenset(
    "bg cs da de el es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split()
)


def region_from_languages(accept_language: str) -> str:
    """A first guess at where a person is, so the first number they see is likely theirs.

    Only the browser's preferred language is read, and nothing is stored; the person can
    always choose, and the choice is remembered.
    """
    first = accept_language.split(",")[0].split(";")[0].strip().lower()
    language, _, country = first.partition("-")
    if country:
        if country == "us":
            return "us"
        return "eu" if country in EU_COUNTRIES else DEFAULT_REGION
    return "eu" if language in EU_LANGUAGES else DEFAULT_REGION


# The seed article's "when to see a doctor" lists, and where the checklist covers each item.
ARTICLE_COVERAGE = (
    ("loss of bowel and/or bladder control", ("incontinence",)),
    ("severe pain that gets worse instead of better over time", ("severe_pain", "worsening")),
    ("problems with passing urine or bowel movements", ("bladder_change", "incontinence")),
    (
        "numbness or a pins-and-needles sensation in your legs, back or elsewhere",
        ("leg_numbness", "both_legs", "saddle_numbness"),
    ),
    ("unexplained weight loss", ("weight_loss",)),
    ("back redness or swelling", ("back_lump", "fever")),
    ("you're still in pain after one to two weeks", ("not_improving", "duration_weeks")),
    ("your pain extends beyond your back to your arms or legs", ("sciatica", "both_legs")),
    ("you're experiencing numbness in your legs or buttocks", ("leg_numbness", "saddle_numbness")),
    (
        "you have weakness or instability in your hands, legs, or feet",
        ("leg_weakness", "walking_difficulty"),
    ),
    ("your pain is more extreme in certain positions", ("severe_pain", "night_pain")),
    ("you have trouble sleeping because of the pain", ("night_pain", "wakes_late_night")),
    (
        "you've developed problems with urination or bowel movements",
        ("bladder_change", "incontinence"),
    ),
    (
        "you have severe pain and cannot walk more than a few steps",
        ("severe_pain", "walking_difficulty"),
    ),
    ("you have numbness in the area of injury or down your leg", ("leg_numbness",)),
    ("you have injured your lower back several times before", ("minor_trauma", "duration_weeks")),
    ("you have a lump or area with an unusual shape", ("back_lump",)),
    ("you have pain that interferes with sleep", ("night_pain",)),
    ("you have obvious weakness in an extremity after an injury", ("leg_weakness",)),
)
