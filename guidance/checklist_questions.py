"""What the checklist page asks, in which order, and what it says about each level.

Every answer code of `triage-contract.md` has exactly one question here (a test checks it). The
emergency signs come first and need an explicit yes or no; the others may be left blank or
answered "not sure", which the checklist treats as "not reported" (see the explanation page).
"""

from dataclasses import dataclass

from . import triage


@dataclass(frozen=True)
class Question:
    code: str
    text: str
    help: str
    group: str
    emergency: bool = False
    parent: str | None = None
    number: bool = False

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


GROUPS = (
    Group(
        "emergency",
        "Emergency signs",
        "We ask everyone these, because they are easy to miss. Answer yes or no to each; if you "
        "are not sure, answer yes. Any yes means getting help straight away.",
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
        "Do you have numbness, tingling or a strange feeling around your genitals, buttocks, "
        "back passage or inner thighs?",
        "For example, it feels different when you wipe yourself with toilet paper, or it feels "
        "like sitting on a saddle.",
        "emergency",
        emergency=True,
    ),
    Question(
        "bladder_change",
        "Do you have new problems peeing?",
        "Difficulty starting or stopping, a weak flow, or not feeling when your bladder is full "
        "or when you pee.",
        "emergency",
        emergency=True,
    ),
    Question(
        "incontinence",
        "Have you lost control of your bladder or bowel?",
        "Peeing or pooing yourself, leaking urine or faeces, or suddenly needing pads.",
        "emergency",
        emergency=True,
    ),
    Question(
        "sexual_change",
        "Have you newly lost feeling in your genitals, or had new problems with erection or "
        "ejaculation?",
        "Only changes that are new since the back pain started.",
        "emergency",
        emergency=True,
    ),
    Question(
        "both_legs",
        "Do you have pain, tingling, numbness or weakness in both legs?",
        "In both legs at the same time, or pain that started in one leg and has spread to the "
        "other.",
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
        "worsening",
        "Is the pain getting worse?",
        "Over days or weeks, not just from hour to hour.",
        "about",
    ),
    Question(
        "not_improving",
        "Has the pain not started to get better yet?",
        "Answer yes if it is no better than when it started.",
        "about",
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
    ),
    Question(
        "leg_weakness",
        "Do you have new weakness in a leg or foot?",
        "For example your foot slaps the ground, you trip over it, or you cannot stand on your "
        "heel or your toes.",
        "nerves",
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
    ),
    Question(
        "long_term_steroids",
        "Have you taken steroid tablets for a long time?",
        "Steroid (corticosteroid) tablets such as prednisolone, taken for months, for example "
        "for asthma or arthritis.",
        "bone",
    ),
    # Cancer and other warning signs.
    Question(
        "cancer_history",
        "Do you have cancer now, or have you had cancer in the past?",
        "Any cancer, even if it was treated long ago. Breast, lung, prostate cancer and myeloma "
        "matter most.",
        "cancer",
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
    ),
    Question(
        "immunosuppressed",
        "Do you have an illness or treatment that weakens your immune system?",
        "For example chemotherapy, medicines after a transplant, HIV, or poorly controlled "
        "diabetes.",
        "infection",
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
class LevelInfo:
    code: str
    title: str
    icon: str
    action: str
    detail: str
    sources: tuple[triage.Source, ...] = ()


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
        ),
        LevelInfo(
            triage.SAME_DAY,
            "See a doctor today",
            "!",
            "Get an urgent appointment with a doctor today, or call the urgent advice line "
            "(NHS 111 in England).",
            "If you cannot get an appointment today, go to an urgent treatment centre or A&E.",
            (triage.NHS_111,),
        ),
        LevelInfo(
            triage.WITHIN_DAYS,
            "See a doctor within a few days",
            "i",
            "See a doctor within the next few days.",
            "Book the appointment now and say which warning signs you have.",
            (triage.CKS_RED_FLAGS,),
        ),
        LevelInfo(
            triage.ROUTINE,
            "Book a routine appointment",
            "i",
            "Book a routine appointment with a doctor or physiotherapist.",
            "Meanwhile, carry on with your normal activities as far as you can.",
            (triage.NHS_GP, triage.NICE_NG59),
        ),
        LevelInfo(
            triage.SELF_CARE,
            "Self-care is appropriate now",
            "✓",
            "Self-care is appropriate now; here is when to come back (safety-netting).",
            "Carry on with your normal activities as far as you can: most back pain starts to "
            "ease within 2 weeks and usually passes in 4 to 6 weeks.",
            (triage.NHS_EXERCISE, triage.NICE_NG59, triage.IFOMPT_2020),
        ),
    )
}

# Safety-netting: when to come back or seek help, whatever the result today. Each line sums up
# rules above, with the same sources.
SAFETY_NET_SOURCES = (triage.IFOMPT_2020, triage.NHS_999, triage.NHS_111, triage.NHS_GP)
SAFETY_NET = (
    (
        triage.EMERGENCY,
        "Call 999 / 112 / 911 or go to A&E if you develop numbness around your genitals, "
        "buttocks or back passage, new problems peeing, loss of bladder or bowel control, new "
        "sexual problems, symptoms in both legs, chest pain, new tummy pain, or you faint or "
        "feel very unwell.",
    ),
    (
        triage.SAME_DAY,
        "Get an urgent appointment the same day (NHS 111 in England) if you get a high "
        "temperature, new weakness in a leg, lose weight without trying, or the pain becomes "
        "constant, is worse at night or moves up between your shoulder blades.",
    ),
    (
        triage.ROUTINE,
        "See a GP or physiotherapist if the pain has not started to improve within 2 to 6 "
        "weeks, gets worse, stops your daily activities, or you are struggling to cope.",
    ),
    (
        "again",
        "Answer this checklist again whenever something changes: a new or changed symptom is "
        "the moment to check again.",
    ),
)


# Safety-netting for the person's own risks: signs that would make their answers an emergency
# (the combination rules in triage.py), shown first when any of the codes was answered yes.
PERSONAL_SAFETY_NET = (
    (
        ("cancer_history",),
        "Because you have had cancer: call 999 / 112 / 911 or go to A&E straight away if you get "
        "pain spreading down a leg, numbness or weakness in a leg, difficulty walking, or "
        "problems controlling your bladder or bowel. Say that you have had cancer: doctors "
        "treat this as an emergency.",
        (triage.NICE_CG75, triage.SCOTTISH_CANCER),
    ),
    (
        ("fever", "iv_drug_use", "immunosuppressed", "recent_infection"),
        "Because a spine infection is possible: call 999 / 112 / 911 or go to A&E if you get "
        "numbness or weakness in a leg, or you feel very unwell, confused or drowsy.",
        (triage.ACP_2011, triage.YUSUF_2019),
    ),
    (
        ("osteoporosis", "long_term_steroids"),
        "Because your bones may be weaker: call 999 / 112 / 911 or go to A&E if you get "
        "numbness or weakness in a leg, and see a doctor the same day after any fall, knock or "
        "strain that makes the pain worse.",
        (triage.NORTHERN_TRUST, triage.GCARE),
    ),
)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    emergency: str
    urgent: str


REGIONS = {
    region.code: region
    for region in (
        Region("uk", "United Kingdom", "999", "NHS 111 (call 111, or use 111.nhs.uk in England)"),
        Region("eu", "European Union", "112", "your doctor's out-of-hours service"),
        Region("us", "United States", "911", "your doctor's same-day line or urgent care"),
    )
}
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
    ("you have weakness or instability in your hands, legs, or feet", ("leg_weakness",)),
    ("your pain is more extreme in certain positions", ("severe_pain", "night_pain")),
    ("you have trouble sleeping because of the pain", ("night_pain", "wakes_late_night")),
    (
        "you've developed problems with urination or bowel movements",
        ("bladder_change", "incontinence"),
    ),
    ("you have severe pain and cannot walk more than a few steps", ("severe_pain",)),
    ("you have numbness in the area of injury or down your leg", ("leg_numbness",)),
    ("you have injured your lower back several times before", ("minor_trauma", "duration_weeks")),
    ("you have a lump or area with an unusual shape", ("back_lump",)),
    ("you have pain that interferes with sleep", ("night_pain",)),
    ("you have obvious weakness in an extremity after an injury", ("leg_weakness",)),
)
