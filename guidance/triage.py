"""Red-flag triage: the rules as data, and the pure function that applies them.

The level codes and answer codes are fixed by `triage-contract.md`. Every rule names the
condition it screens for, the answers that fire it, its level, a plain-language reason and its
sources (from `clinical-reference.md`, section 1). `assess` takes a mapping of answer codes and
returns the most urgent level of the rules that fired, with every fired rule as a reason.

Design choices (they are also explained on the "how the checklist works" page):
- Rules only ever raise urgency. No rule fires because a sign is absent or because the pain is
  recent, so duration can never lower the level of an emergency sign. A few rules sit at the
  self-care level: they raise nothing, but say what the checklist made of a soft sign (sciatica
  without weakness, age over 50) and when to come back.
- A missing answer means "not reported": it fires nothing. The emergency signs are asked first
  and need an explicit yes or no on the form, so a missing answer is never reassurance there.
- Each infection risk fires on its own: fever is absent in about 45% of spinal infections
  (Yusuf 2019), so "no fever" never lowers the urgency of the other infection signs.
- Some answers turn another sign into an emergency or same-day case (`RISK_MODIFIER_CODES`).
  The page asks them too, and `assess_with_not_sure` counts a "not sure" as yes in every rule
  (contract v2); `combination_cases` lists every such combination for tests.
- There is no question about sex, so where a source gives different ages for men and women
  (ACP 2011, NICE NG156), the lower age is used for everyone.
"""

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

EMERGENCY = "emergency"
SAME_DAY = "same_day"
WITHIN_DAYS = "within_days"
ROUTINE = "routine"
SELF_CARE = "self_care"

#: Most urgent first; equal to `guidance.models.TriageLevel.values` (a test checks it).
LEVELS = (EMERGENCY, SAME_DAY, WITHIN_DAYS, ROUTINE, SELF_CARE)

# The answer codes of the contract, with a short label used when a rule is described.
NUMBER_CODES = {
    "age": "age in years",
    "duration_weeks": "weeks this episode has lasted",
}
BOOLEAN_CODES = {
    "worsening": "pain getting worse",
    "not_improving": "not started to get better",
    "severe_pain": "very severe pain",
    "stops_daily_activities": "stops daily activities",
    "struggling_to_cope": "struggling to cope",
    "saddle_numbness": "numbness around genitals, buttocks or back passage",
    "bladder_change": "new problems peeing",
    "incontinence": "loss of bladder or bowel control",
    "sexual_change": "new loss of genital feeling or sexual function",
    "both_legs": "symptoms in both legs",
    "sciatica": "pain down one leg below the knee",
    "leg_numbness": "numbness or pins and needles in one leg",
    "leg_weakness": "new weakness in a leg or foot",
    "weakness_progressing": "leg weakness getting worse",
    "major_trauma": "started after a serious accident",
    "minor_trauma": "started after a minor fall, knock or strain",
    "osteoporosis": "osteoporosis",
    "long_term_steroids": "long-term steroid tablets",
    "cancer_history": "has or has had cancer",
    "weight_loss": "losing weight without trying",
    "night_pain": "pain worse at night, not eased by changing position",
    "thoracic_pain": "pain between the shoulder blades",
    "worse_on_straining": "worse when coughing, sneezing or straining",
    "constant_progressive": "constant pain that keeps getting worse",
    "back_lump": "lump, swelling or change in shape of the back",
    "fever": "high temperature, shivering or chills",
    "iv_drug_use": "injects drugs",
    "immunosuppressed": "weakened immune system",
    "recent_infection": "recent infection, spinal injection or operation",
    "feel_very_unwell": "very unwell, confused or drowsy",
    "chest_pain": "chest pain",
    "abdominal_pain": "new tummy pain or pulsing in the tummy",
    "faint_or_collapse": "fainting, collapse or feeling faint",
    "morning_stiffness": "morning stiffness over 30 minutes",
    "eases_with_movement": "better with exercise, not with rest",
    "wakes_late_night": "woken by pain in the second half of the night",
    "inflammatory_history": "psoriasis, bowel or eye inflammation, or family spondyloarthritis",
    "walking_difficulty": "new difficulty walking, unsteady, or legs giving way",
    "sudden_onset": "sudden, severe pain unlike any back pain before",
    "vascular_risk": "aneurysm, heart or circulation disease, high blood pressure, or smoking",
}
ANSWER_CODES = {**NUMBER_CODES, **BOOLEAN_CODES}
NUMBER_LIMITS = {"age": (1, 120), "duration_weeks": (0, 5200)}

#: Answers that can turn another sign into an emergency or same-day case (contract v2). The page
#: asks for them like the emergency signs and allows "not sure", which counts as yes inside every
#: combination (`assess_with_not_sure`). `vascular_risk` is added to the contract's list because
#: the aneurysm rules make it one: tummy pain or sudden severe pain with it is an emergency.
RISK_MODIFIER_CODES = (
    "age",
    "cancer_history",
    "osteoporosis",
    "long_term_steroids",
    "immunosuppressed",
    "iv_drug_use",
    "leg_weakness",
    "leg_numbness",
    "vascular_risk",
)


@dataclass(frozen=True)
class Source:
    #: "Publisher: title (year)", as a person sees it.
    guideline: str
    section: str
    url: str

    def as_dict(self) -> dict:
        return {"guideline": self.guideline, "section": self.section, "url": self.url}


# Sources, from clinical-reference.md sections 1 and 6. A web page with no publication year is
# cited with the year it was read ("accessed 2026"); its review date is in `source_notes`.
NHS_999 = Source(
    "NHS: Back pain (accessed 2026)",
    "Call 999 or go to A&E if you have back pain and …",
    "https://www.nhs.uk/conditions/back-pain/",
)
NHS_111 = Source(
    "NHS: Back pain (accessed 2026)",
    "Call 111 or ask for an urgent GP appointment if you have back pain and …",
    "https://www.nhs.uk/conditions/back-pain/",
)
NHS_GP = Source(
    "NHS: Back pain (accessed 2026)",
    "See a GP if …",
    "https://www.nhs.uk/conditions/back-pain/",
)
NHS_EXERCISE = Source(
    "NHS: Back pain exercises (accessed 2026)",
    "“Your pain should start to ease within 2 weeks”",
    "https://www.nhs.uk/live-well/exercise/lower-back-pain-exercises/",
)
NHS_STOMACH_ACHE = Source(
    "NHS: Stomach ache (accessed 2026)",
    "Go to A&E or call 999 if a stomach ache came on very suddenly or is severe",
    "https://www.nhs.uk/conditions/stomach-ache/",
)
NHS_SEPSIS = Source(
    "NHS: Sepsis (accessed 2026)",
    "Call 999 or go to A&E if an adult is confused, has slurred speech or is not making sense",
    "https://www.nhs.uk/conditions/sepsis/",
)
ROYAL_FREE_CES = Source(
    "Royal Free London NHS Foundation Trust: Cauda equina syndrome leaflet (accessed 2026)",
    "Symptoms: go to your local emergency department (A&E) immediately",
    "https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/"
    "cauda-equina-syndrome",
)
GIRFT_CES = Source(
    "GIRFT: National Suspected Cauda Equina Syndrome Pathway (2023), summarised in the CSP "
    "journal Physiotherapy (2024)",
    "Red-flag symptoms of recent onset or getting worse: immediate referral to a hospital "
    "emergency department",
    "https://www.csp.org.uk/journal/article/physiotherapy-journal-march-2024/"
    "national-suspected-cauda-equina-syndrome-pathway",
)
ACP_2011 = Source(
    "American College of Physicians: Diagnostic imaging for low back pain (Chou et al., Ann "
    "Intern Med, 2011)",
    "Table 2: immediate imaging, and imaging deferred after a trial of therapy",
    "https://pubmed.ncbi.nlm.nih.gov/21282698/",
)
ACP_2007 = Source(
    "American College of Physicians and American Pain Society: Diagnosis and treatment of low "
    "back pain (Chou et al., Ann Intern Med, 2007)",
    "Recommendations 1 and 3: categories of back pain; severe or progressive nerve deficits",
    "https://pubmed.ncbi.nlm.nih.gov/17909209",
)
ACP_2017 = Source(
    "American College of Physicians: Noninvasive treatments for low back pain (Qaseem et al., "
    "Ann Intern Med, 2017)",
    "Recommendation 2: chronic low back pain",
    "https://www.acpjournals.org/doi/10.7326/M16-2367",
)
NORTHERN_TRUST = Source(
    "HSC Northern Health and Social Care Trust: Low back pain, physiotherapy (accessed 2026)",
    "Go to the emergency department or call 999",
    "https://www.northerntrust.hscni.net/services/physiotherapy-services/"
    "physiotherapy-service-outpatient-service/low-back-pain/",
)
GCARE = Source(
    "NHS Gloucestershire: G-care low back pain pathway, red flags (accessed 2026)",
    "Red flags for fracture, cancer, infection and nerve damage (from older NICE guidance)",
    "https://g-care.glos.nhs.uk/pathway/71/resource/3",
)
DOWNIE_2013 = Source(
    "BMJ: Red flags to screen for malignancy and fracture in patients with low back pain "
    "(Downie et al., 2013)",
    "Red flags with the highest post-test probability of fracture and cancer",
    "https://www.bmj.com/content/347/bmj.f7095",
)
NICE_CG75 = Source(
    "NICE: Metastatic spinal cord compression in adults, CG75 (2008; replaced by NG234 in 2023)",
    "People with cancer: contact the MSCC team urgently (within 24 hours) / immediately",
    "https://www.nice.org.uk/guidance/cg75/chapter/Key-priorities-for-implementation",
)
SCOTTISH_CANCER = Source(
    "Scottish Government: Scottish Referral Guidelines for Suspected Cancer (2019)",
    "Spinal metastases and metastatic spinal cord compression",
    "https://www.gov.scot/publications/scottish-referral-guidelines-suspected-cancer-quick-"
    "reference-guide/pages/13/",
)
UKONS_HELPLINE = Source(
    "UK Acute Oncology Society: UKONS Oncology/Haemato-oncology 24 Hour Triage Toolkit, "
    "version 3 (2025)",
    "24-hour telephone advice lines for people who are having, or have had, cancer treatment",
    "https://ukacuteoncology.co.uk/information-hub/ao-guidelines/ukons-guidelines/"
    "ukons-24-hour-triage",
)
NICE_NG12 = Source(
    "NICE: Suspected cancer: recognition and referral, NG12 (2015, updated 2025)",
    "1.13.2 unexplained weight loss",
    "https://www.nice.org.uk/guidance/ng12",
)
NICE_NG12_MYELOMA = Source(
    "NICE: Suspected cancer: recognition and referral, NG12 (2015, updated 2025)",
    "1.10.4 myeloma: people aged 60 and over with persistent bone pain, particularly back pain",
    "https://www.nice.org.uk/guidance/ng12",
)
CKS_RED_FLAGS = Source(
    "NICE CKS: Sciatica (lumbar radiculopathy), interpreting red flags (accessed 2026)",
    "“Serious does not always mean an emergency”; sudden onset of severe central spinal pain",
    "https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/",
)
YUSUF_2019 = Source(
    "BMC Musculoskeletal Disorders: Red flags for the early detection of spinal infection in "
    "back pain patients (Yusuf, Finucane & Selfe, 2019)",
    "Clinical features of spinal infection: fever in only 55% of 2,224 cases",
    "https://doi.org/10.1186/s12891-019-2949-6",
)
NICE_NG156 = Source(
    "NICE: Abdominal aortic aneurysm: diagnosis and management, NG156 (2020)",
    "1.1: think about ruptured AAA in people with new abdominal and/or back pain, "
    "cardiovascular collapse, or loss of consciousness; risk factors",
    "https://www.nice.org.uk/guidance/ng156/chapter/Recommendations",
)
NICE_NG65 = Source(
    "NICE: Spondyloarthritis in over 16s: diagnosis and management, NG65 (2017)",
    "Referral criteria for suspected axial spondyloarthritis",
    "https://www.nice.org.uk/guidance/ng65/chapter/recommendations",
)
ASAS_IBP = Source(
    "National Axial Spondyloarthritis Society: Getting my diagnosis, citing the ASAS "
    "inflammatory back pain criteria (Sieper et al., 2009)",
    "Back pain of more than 3 months is inflammatory if 4 of 5 features",
    "https://nass.co.uk/getting-my-diagnosis",
)
GPNOTEBOOK = Source(
    "GPnotebook: Referral criteria from primary care, low back pain (older NICE / CSAG timings, "
    "1994)",
    "Immediate, urgent and soon referral; nerve root pain not resolving after 6 weeks",
    "https://gpnotebook.com/",
)
NICE_NG59 = Source(
    "NICE: Low back pain and sciatica in over 16s, NG59 (2016, updated 2020)",
    "1.1.1 think about alternative diagnoses; self-management advice",
    "https://www.nice.org.uk/guidance/ng59/chapter/Recommendations",
)
IFOMPT_2020 = Source(
    "JOSPT: International framework for red flags for potential serious spinal pathologies "
    "(IFOMPT, Finucane et al., 2020)",
    "Decision levels: with few concerning features, advice on when to come back",
    "https://pubmed.ncbi.nlm.nih.gov/32438853",
)


# Services a person is signposted to (the emergency numbers and urgent advice lines by region).
NHS_WHEN_999 = Source(
    "NHS: When to call 999 (accessed 2026)",
    "Call 999 in a medical emergency, when someone is seriously ill or injured",
    "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/",
)
NHS_WHEN_111 = Source(
    "NHS: When to use 111 (accessed 2026)",
    "NHS 111 can help if you have an urgent medical problem; use 111 online or call 111",
    "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-use-111/",
)
EU_112 = Source(
    "European Commission: 112, the European emergency number (accessed 2026)",
    "Call 112 free of charge from anywhere in the EU",
    "https://digital-strategy.ec.europa.eu/en/policies/112",
)
KBV_116117 = Source(
    "Kassenärztliche Bundesvereinigung: 116117, the out-of-hours medical service in Germany "
    "(accessed 2026)",
    "Call 116117 when you need a doctor urgently and your practice is closed",
    "https://www.116117.de/",
)
MEDLINEPLUS_ER = Source(
    "MedlinePlus, US National Library of Medicine: When to use the emergency room, adult "
    "(accessed 2026)",
    "Call 911 in an emergency; urgent care or your provider for problems that cannot wait",
    "https://medlineplus.gov/ency/patientinstructions/000593.htm",
)

SOURCES = tuple(value for value in dict(globals()).values() if isinstance(value, Source))


def sources_to_verify() -> list[tuple[Source, str]]:
    """Every source with what is still to check, for the hazard log.

    The notes live in `source_notes`, away from the sources that pages show, so no template
    can ever print one."""
    from .source_notes import NOTES  # noqa: PLC0415

    return [(globals()[name], note) for name, note in NOTES.items()]


# Conditions: small predicates. `fired(answers)` returns None when the condition is false, else
# the answer codes that made it true; `describe()` says it in words for the explanation page;
# `examples()` lists minimal answers that make it true (for `combination_cases`).


def _label(code: str) -> str:
    return f"“{ANSWER_CODES[code]}”"


@dataclass(frozen=True)
class Yes:
    code: str

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        return (self.code,) if answers.get(self.code) is True else None

    def describe(self) -> str:
        return f"{_label(self.code)} is yes"

    def examples(self) -> list[dict]:
        return [{self.code: True}]


@dataclass(frozen=True)
class AnyYes:
    codes: tuple[str, ...]

    def __init__(self, *codes: str):
        object.__setattr__(self, "codes", codes)

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        return tuple(code for code in self.codes if answers.get(code) is True) or None

    def describe(self) -> str:
        return "any of " + ", ".join(_label(code) for code in self.codes) + " is yes"

    def examples(self) -> list[dict]:
        return [{code: True} for code in self.codes]


@dataclass(frozen=True)
class AtLeastYes:
    count: int
    codes: tuple[str, ...]

    def __init__(self, count: int, *codes: str):
        object.__setattr__(self, "count", count)
        object.__setattr__(self, "codes", codes)

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        hits = tuple(code for code in self.codes if answers.get(code) is True)
        return hits if len(hits) >= self.count else None

    def describe(self) -> str:
        labels = ", ".join(_label(code) for code in self.codes)
        return f"at least {self.count} of {labels} are yes"

    def examples(self) -> list[dict]:
        return [
            dict.fromkeys(codes, True) for codes in itertools.combinations(self.codes, self.count)
        ]


@dataclass(frozen=True)
class AtLeast:
    code: str
    value: int

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        given = answers.get(self.code)
        return (self.code,) if given is not None and given >= self.value else None

    def describe(self) -> str:
        return f"{_label(self.code)} is {self.value} or more"

    def examples(self) -> list[dict]:
        return [{self.code: self.value}]


@dataclass(frozen=True)
class Below:
    code: str
    value: int

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        given = answers.get(self.code)
        return (self.code,) if given is not None and given < self.value else None

    def describe(self) -> str:
        return f"{_label(self.code)} is under {self.value}"

    def examples(self) -> list[dict]:
        return [{self.code: self.value - 1}]


@dataclass(frozen=True)
class StartedBeforeAge:
    """The pain began before this age (age minus duration), or the age was not given."""

    value: int

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        age = answers.get("age")
        if age is None:
            return ()
        weeks = answers.get("duration_weeks") or 0
        return ("age",) if age - weeks // 52 < self.value else None

    def describe(self) -> str:
        return f"the pain started before age {self.value} (or the age was not given)"

    def examples(self) -> list[dict]:
        return [{}]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple

    def __init__(self, *parts):
        object.__setattr__(self, "parts", parts)

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        hits = [part.fired(answers) for part in self.parts]
        if all(hit is None for hit in hits):
            return None
        return tuple(dict.fromkeys(code for hit in hits if hit for code in hit))

    def describe(self) -> str:
        return "(either " + ", or ".join(part.describe() for part in self.parts) + ")"

    def examples(self) -> list[dict]:
        return [example for part in self.parts for example in part.examples()]


@dataclass(frozen=True)
class AllOf:
    parts: tuple

    def __init__(self, *parts):
        object.__setattr__(self, "parts", parts)

    def fired(self, answers: Mapping) -> tuple[str, ...] | None:
        codes: list[str] = []
        for part in self.parts:
            hits = part.fired(answers)
            if hits is None:
                return None
            codes.extend(code for code in hits if code not in codes)
        return tuple(codes)

    def describe(self) -> str:
        return " and ".join(part.describe() for part in self.parts)

    def examples(self) -> list[dict]:
        merged: list[dict] = [{}]
        for part in self.parts:
            merged = [
                {**done, **more}
                for done in merged
                for more in part.examples()
                if all(done.get(code, value) == value for code, value in more.items())
            ]
        return merged


@dataclass(frozen=True)
class Rule:
    id: str
    condition: str
    when: object
    level: str
    reason: str
    sources: tuple[Source, ...]

    @property
    def answers(self) -> str:
        return self.when.describe()


CES = "Cauda equina syndrome (the nerves at the bottom of the spine being squashed)"
CORD = "Pressure on the spinal cord or the nerves of both legs"
FRACTURE = "Spinal fracture (a broken bone in the spine)"
CANCER = "Cancer affecting the spine, or metastatic spinal cord compression"
SERIOUS = "Serious causes to rule out: cancer, infection or fracture of the spine"
INFECTION = "Spinal infection (discitis, vertebral osteomyelitis, epidural abscess)"
VESSELS = "Abdominal aortic aneurysm and other emergencies (heart, collapse)"
NERVE = "Nerve root compression (sciatica), with or without weakness"
INFLAMMATORY = "Inflammatory back pain (axial spondyloarthritis)"
NOT_SETTLING = "Back pain that is not settling (acute pain becoming persistent)"

# Ages. ACP 2011 counts older age as a fracture risk over 65 in men and over 75 in women, and
# NICE NG156 screens men from 66 and women from 70 for aneurysm. There is no question about
# sex, so the lower age (66) is used for everyone: it errs on the safe side for women.
OLDER = 66
OVER_50 = 51

NERVE_SIGNS = ("leg_weakness", "leg_numbness", "weakness_progressing", "walking_difficulty")

RULES: tuple[Rule, ...] = (
    # Cauda equina syndrome: any one new or worsening symptom, whatever its duration (clinical
    # reference 1.1; the questions ask about what is new or worse, GIRFT 2023).
    Rule(
        "ces_saddle_numbness",
        CES,
        Yes("saddle_numbness"),
        EMERGENCY,
        "New numbness or tingling around your genitals, buttocks or back passage can mean the "
        "nerves at the base of your spine are being squashed. This needs checking in hospital "
        "within hours, even if it started days or weeks ago.",
        (NHS_999, ROYAL_FREE_CES, GIRFT_CES),
    ),
    Rule(
        "ces_bladder_change",
        CES,
        Yes("bladder_change"),
        EMERGENCY,
        "New difficulty peeing, a weak flow, or not feeling when your bladder is full can be a "
        "sign that the nerves to your bladder are being squashed.",
        (NHS_999, ROYAL_FREE_CES, GIRFT_CES),
    ),
    Rule(
        "ces_incontinence",
        CES,
        Yes("incontinence"),
        EMERGENCY,
        "Newly losing control of your bladder or bowel with back pain can mean the nerves at the "
        "base of your spine are being squashed.",
        (NHS_999, ROYAL_FREE_CES, ACP_2011),
    ),
    Rule(
        "ces_sexual_change",
        CES,
        Yes("sexual_change"),
        EMERGENCY,
        "New loss of feeling in your genitals, or new problems with erection or ejaculation, can "
        "be a sign of pressure on the nerves at the base of your spine.",
        (ROYAL_FREE_CES, GIRFT_CES),
    ),
    Rule(
        "ces_both_legs",
        CES,
        Yes("both_legs"),
        EMERGENCY,
        "Pain, tingling, numbness or weakness in both legs can mean several nerve roots are "
        "being squashed at once.",
        (NHS_999, GIRFT_CES),
    ),
    Rule(
        "walking_both_legs",
        CORD,
        AllOf(Yes("walking_difficulty"), Yes("both_legs")),
        EMERGENCY,
        "New difficulty walking together with symptoms in both legs can mean the spinal cord "
        "or the nerves to both legs are being squashed.",
        (GIRFT_CES, CKS_RED_FLAGS, GCARE),
    ),
    # Spinal fracture (1.2, 6.1).
    Rule(
        "fracture_major_trauma",
        FRACTURE,
        Yes("major_trauma"),
        EMERGENCY,
        "Back pain that started after a serious accident, such as a road collision or a fall "
        "from a height, needs checking for a broken bone in the spine straight away.",
        (NHS_999, NORTHERN_TRUST),
    ),
    Rule(
        "fracture_with_nerve_signs",
        FRACTURE,
        AllOf(
            # A suspected fragility fracture: weak bones, or a minor injury when older. A lift
            # or strain in a younger person with strong bones is not one (the common disc
            # sciatica).
            AnyOf(
                AnyYes("osteoporosis", "long_term_steroids"),
                AllOf(Yes("minor_trauma"), AtLeast("age", OLDER)),
            ),
            AnyYes(*NERVE_SIGNS),
        ),
        EMERGENCY,
        "A possible broken bone in the spine together with weakness, numbness or difficulty "
        "walking can mean the bone is pressing on a nerve.",
        (NORTHERN_TRUST, GCARE),
    ),
    Rule(
        "fracture_fragility",
        FRACTURE,
        AllOf(Yes("minor_trauma"), AnyYes("osteoporosis", "long_term_steroids")),
        SAME_DAY,
        "A fall, knock or even a strain can break a bone in the spine when the bones are weak "
        "(osteoporosis or long-term steroids), so see a doctor today. One NHS service (HSC "
        "Northern Trust) advises going straight to the emergency department for this.",
        (GCARE, DOWNIE_2013, NORTHERN_TRUST),
    ),
    Rule(
        "fracture_older_minor_trauma",
        FRACTURE,
        AllOf(Yes("minor_trauma"), AtLeast("age", OLDER)),
        SAME_DAY,
        "Over the age of 65, a minor fall or strain is more likely to break a bone in the spine.",
        (ACP_2011, DOWNIE_2013, NORTHERN_TRUST),
    ),
    Rule(
        "fracture_bone_risk",
        FRACTURE,
        AnyYes("osteoporosis", "long_term_steroids"),
        WITHIN_DAYS,
        "Osteoporosis and long-term steroid tablets make a fracture in the spine more likely, "
        "even without an injury; a doctor should check new back pain.",
        (ACP_2011, DOWNIE_2013),
    ),
    Rule(
        "older_severe_or_worsening",
        SERIOUS,
        AllOf(AtLeast("age", OVER_50), AnyYes("severe_pain", "worsening")),
        WITHIN_DAYS,
        "Over the age of 50, back pain that is severe or getting worse should be checked by a "
        "doctor within a few days, even without a fall: a broken bone in the spine becomes more "
        "likely with age (especially over 65), and so, less often, does cancer.",
        (ACP_2011, DOWNIE_2013, GCARE),
    ),
    # Cancer and metastatic spinal cord compression (1.3, 6.1): CG75 is about people with cancer.
    Rule(
        "mscc_cancer_with_nerve_signs",
        CANCER,
        AllOf(Yes("cancer_history"), AnyYes("sciatica", *NERVE_SIGNS)),
        EMERGENCY,
        "For someone who has had cancer, back pain with nerve symptoms (pain down a leg, "
        "numbness, weakness or difficulty walking) is treated as an emergency, because cancer can "
        "press on the spinal cord. Call your cancer team's 24-hour line now. If you cannot reach "
        "them, or you have no such number, call the emergency number (999 / 112 / 911) or go to "
        "A&E.",
        (NICE_CG75, SCOTTISH_CANCER, UKONS_HELPLINE),
    ),
    Rule(
        "mscc_cancer_with_spinal_pain",
        CANCER,
        AllOf(
            Yes("cancer_history"),
            AnyYes(
                "night_pain",
                "thoracic_pain",
                "worse_on_straining",
                "constant_progressive",
                "worsening",
                "severe_pain",
                "back_lump",
                "weight_loss",
            ),
        ),
        SAME_DAY,
        "For someone who has had cancer, this kind of back pain should be discussed with your "
        "cancer team or a doctor within 24 hours, to check the cancer has not spread to the "
        "spine.",
        (NICE_CG75, SCOTTISH_CANCER),
    ),
    Rule(
        "cancer_history",
        CANCER,
        Yes("cancer_history"),
        WITHIN_DAYS,
        "A past or current cancer is the strongest single warning sign for cancer in the spine; "
        "new back pain should be checked by a doctor within a few days, even if it seems "
        "ordinary.",
        (CKS_RED_FLAGS, DOWNIE_2013, SCOTTISH_CANCER),
    ),
    # Warning signs without a cancer history: the NHS urgent list (1.3), not CG75.
    Rule(
        "weight_loss",
        SERIOUS,
        Yes("weight_loss"),
        SAME_DAY,
        "Losing weight without trying, together with back pain, needs an urgent check by a doctor.",
        (NHS_111, NICE_NG12),
    ),
    Rule(
        "night_pain",
        SERIOUS,
        Yes("night_pain"),
        SAME_DAY,
        "Pain that is worse at night or not eased by rest or changing position needs an urgent "
        "check. It is usually not serious, but it can be a sign of cancer or infection.",
        (NHS_111, GCARE),
    ),
    Rule(
        "thoracic_pain",
        SERIOUS,
        Yes("thoracic_pain"),
        SAME_DAY,
        "Pain high in the back, between the shoulder blades, rather than in the lower back, "
        "needs an urgent check.",
        (NHS_111,),
    ),
    Rule(
        "worse_on_straining",
        SERIOUS,
        Yes("worse_on_straining"),
        SAME_DAY,
        "Pain made worse by coughing, sneezing or straining on the toilet needs an urgent check.",
        (NHS_111,),
    ),
    Rule(
        "constant_progressive",
        SERIOUS,
        Yes("constant_progressive"),
        SAME_DAY,
        "Constant pain that keeps getting worse and is not eased by rest or changing position "
        "needs an urgent check.",
        (NHS_111,),
    ),
    Rule(
        "back_lump",
        SERIOUS,
        Yes("back_lump"),
        SAME_DAY,
        "A lump or swelling in your back, or a change in its shape, needs an urgent check.",
        (NHS_111, GCARE),
    ),
    Rule(
        "sudden_onset",
        SERIOUS,
        Yes("sudden_onset"),
        SAME_DAY,
        "Severe back pain that came on suddenly and is unlike any before needs checking by a "
        "doctor today: it can come from a broken bone in the spine, even without a fall.",
        (CKS_RED_FLAGS, GCARE),
    ),
    Rule(
        "older_not_improving",
        SERIOUS,
        AllOf(AtLeast("age", OVER_50), Yes("not_improving"), AtLeast("duration_weeks", 4)),
        WITHIN_DAYS,
        "Over the age of 50, back pain that has not started to improve after about a month "
        "should be checked by a doctor within a few days.",
        (GCARE, NICE_NG12_MYELOMA),
    ),
    Rule(
        "older_new_pain",
        SERIOUS,
        AtLeast("age", OVER_50),
        SELF_CARE,
        "Being over 50 makes some serious causes of back pain a little more likely, but on its "
        "own it is a weak warning sign: guidelines advise a trial of self-care first unless "
        "another warning sign is present. If the pain is severe, gets worse, or has not started "
        "to improve after about a month, see a doctor within a few days.",
        (ACP_2011, DOWNIE_2013, GCARE),
    ),
    Rule(
        "young_onset",
        SERIOUS,
        Below("age", 20),
        WITHIN_DAYS,
        "Guidelines list back pain that starts before the age of 20 as a warning sign; a doctor "
        "should check it within a few days.",
        (GCARE,),
    ),
    # Spinal infection (1.4). Each risk fires on its own: fever is often absent.
    Rule(
        "infection_with_nerve_signs",
        INFECTION,
        AllOf(
            AnyYes("fever", "iv_drug_use", "immunosuppressed", "recent_infection"),
            AnyYes(*NERVE_SIGNS),
        ),
        EMERGENCY,
        "A possible spine infection together with weakness, numbness or difficulty walking can "
        "mean an abscess is pressing on the nerves.",
        (ACP_2011, ACP_2007, YUSUF_2019),
    ),
    Rule(
        "infection_very_unwell",
        INFECTION,
        Yes("feel_very_unwell"),
        EMERGENCY,
        "Feeling very unwell, confused or drowsy can be a sign of sepsis, a serious reaction to "
        "an infection, which the NHS says needs 999 or A&E.",
        (NHS_SEPSIS,),
    ),
    Rule(
        "infection_fever",
        INFECTION,
        Yes("fever"),
        SAME_DAY,
        "A high temperature, shivering or chills with back pain can be a sign of an infection in "
        "the spine.",
        (NHS_111, GCARE),
    ),
    Rule(
        "infection_risk",
        INFECTION,
        AnyYes("iv_drug_use", "immunosuppressed", "recent_infection"),
        SAME_DAY,
        "Injecting drugs, a weakened immune system, or a recent infection, spinal injection or "
        "operation make a spine infection more likely. Many people with a spine infection have "
        "no fever, so this needs checking today even without one.",
        (GCARE, ACP_2011, YUSUF_2019),
    ),
    # Blood vessels and heart (1.6, 6.1, and the NHS 999 list).
    Rule(
        "chest_pain",
        VESSELS,
        Yes("chest_pain"),
        EMERGENCY,
        "Back pain together with chest pain is one of the reasons the NHS gives for calling 999 "
        "or going to A&E.",
        (NHS_999,),
    ),
    Rule(
        "aaa_abdominal_pain_risk",
        VESSELS,
        AllOf(Yes("abdominal_pain"), AnyOf(AtLeast("age", OLDER), Yes("vascular_risk"))),
        EMERGENCY,
        "New tummy pain with back pain, or a pulsing feeling in the tummy, can be a sign of a "
        "swollen or leaking main blood vessel (abdominal aortic aneurysm). This is more likely "
        "over the age of 65, or with an aneurysm, heart or circulation disease, high blood "
        "pressure or smoking.",
        (NICE_NG156,),
    ),
    Rule(
        "abdominal_pain_sudden_or_severe",
        VESSELS,
        AllOf(Yes("abdominal_pain"), AnyYes("sudden_onset", "severe_pain")),
        EMERGENCY,
        "The NHS advises 999 or A&E for tummy pain that came on very suddenly or is severe, at "
        "any age.",
        (NHS_STOMACH_ACHE, NICE_NG156),
    ),
    Rule(
        "abdominal_pain",
        VESSELS,
        Yes("abdominal_pain"),
        SAME_DAY,
        "New tummy pain together with back pain needs a doctor's check today. Without the risks "
        "above (being over 65, an aneurysm, heart or circulation disease, high blood pressure or "
        "smoking) a problem with the main blood vessel is unlikely; the kidneys, the bowel or, "
        "in women, the womb or a pregnancy can cause this pain. The NHS sends milder tummy pain "
        "to a GP; this checklist asks for a same-day check to be on the safe side.",
        (NHS_STOMACH_ACHE, NICE_NG156),
    ),
    Rule(
        "aaa_sudden_onset_risk",
        VESSELS,
        AllOf(Yes("sudden_onset"), AnyOf(AtLeast("age", OLDER), Yes("vascular_risk"))),
        EMERGENCY,
        "Sudden, severe back pain unlike any before, over the age of 65 or with an aneurysm, "
        "heart or circulation disease, high blood pressure or smoking, can be a sign of a "
        "leaking main blood vessel (abdominal aortic aneurysm).",
        (NICE_NG156,),
    ),
    Rule(
        "aaa_collapse",
        VESSELS,
        Yes("faint_or_collapse"),
        EMERGENCY,
        "Fainting, collapsing, or feeling faint, pale and clammy with back pain can be a sign of "
        "internal bleeding, for example from the main blood vessel.",
        (NICE_NG156,),
    ),
    # Nerves (1.7, 6.1).
    Rule(
        "walking_difficulty",
        CORD,
        Yes("walking_difficulty"),
        SAME_DAY,
        "New difficulty walking, feeling unsteady on your feet or your legs giving way can be a "
        "sign of pressure on the spinal cord or nerves, and needs checking today.",
        (GCARE, CKS_RED_FLAGS, NORTHERN_TRUST),
    ),
    Rule(
        "nerve_weakness",
        NERVE,
        Yes("leg_weakness"),
        SAME_DAY,
        "New weakness in a leg or foot (for example foot slapping or tripping) means a nerve "
        "may be badly squashed. It should be checked today, so that a doctor can decide quickly "
        "whether you need a scan or a specialist.",
        (ACP_2007, ACP_2011, GCARE),
    ),
    Rule(
        "nerve_weakness_progressing",
        NERVE,
        Yes("weakness_progressing"),
        SAME_DAY,
        "Weakness that is getting worse is a sign of increasing pressure on a nerve and needs "
        "checking today.",
        (ACP_2011, ACP_2007),
    ),
    Rule(
        "nerve_numbness",
        NERVE,
        Yes("leg_numbness"),
        ROUTINE,
        "Numbness or pins and needles in one leg usually comes from an irritated nerve and "
        "often settles, but a doctor or physiotherapist should check how the nerves work.",
        (ACP_2007, GCARE),
    ),
    Rule(
        "nerve_sciatica",
        NERVE,
        Yes("sciatica"),
        SELF_CARE,
        "Pain spreading down one leg (sciatica), without weakness, usually settles with "
        "self-care and keeping active. See a GP or physiotherapist if it has not started to get "
        "better within a few weeks, and get help today if the leg becomes weak.",
        (NICE_NG59, NHS_GP, ACP_2007),
    ),
    Rule(
        "nerve_sciatica_not_settling",
        NERVE,
        AllOf(Yes("sciatica"), Yes("not_improving"), AtLeast("duration_weeks", 6)),
        WITHIN_DAYS,
        "Sciatica that has not started to settle after 6 weeks should be seen by a doctor soon "
        "(within about 2 weeks).",
        (GPNOTEBOOK,),
    ),
    # Inflammatory back pain (1.5): a routine appointment, never an emergency.
    Rule(
        "inflammatory_back_pain",
        INFLAMMATORY,
        AllOf(
            AtLeastYes(
                2,
                "morning_stiffness",
                "eases_with_movement",
                "wakes_late_night",
                "inflammatory_history",
            ),
            AtLeast("duration_weeks", 12),
            StartedBeforeAge(45),
        ),
        ROUTINE,
        "Long-lasting back pain that started before 45, with stiffness in the morning, pain that "
        "eases with movement, waking in the second half of the night or a related condition, can "
        "be inflammatory (axial spondyloarthritis). Ask your doctor about it; it is treatable.",
        (NICE_NG65, ASAS_IBP),
    ),
    # Pain that is not settling (1.8: the NHS "see a GP if" list; chronic at 12 weeks).
    Rule(
        "not_settling",
        NOT_SETTLING,
        AllOf(Yes("not_improving"), AtLeast("duration_weeks", 2)),
        ROUTINE,
        "Most back pain starts to ease within 2 weeks. If yours has not started to improve, see "
        "a GP or physiotherapist.",
        (NHS_GP, NHS_EXERCISE),
    ),
    Rule(
        "persistent_12_weeks",
        NOT_SETTLING,
        AtLeast("duration_weeks", 12),
        ROUTINE,
        "Back pain lasting 12 weeks or more is called persistent (chronic) back pain. A doctor or "
        "physiotherapist can help you plan treatment, such as an exercise programme.",
        (GPNOTEBOOK, ACP_2017),
    ),
    Rule(
        "stops_daily_activities",
        NOT_SETTLING,
        Yes("stops_daily_activities"),
        ROUTINE,
        "Pain that stops you doing your day-to-day activities is a reason to see a GP.",
        (NHS_GP,),
    ),
    Rule(
        "severe_pain",
        NOT_SETTLING,
        Yes("severe_pain"),
        ROUTINE,
        "Very severe pain is a reason to see a GP, who can help with pain relief and check it.",
        (NHS_GP,),
    ),
    Rule(
        "worsening",
        NOT_SETTLING,
        Yes("worsening"),
        ROUTINE,
        "Pain that gets worse over time is a reason to see a GP.",
        (NHS_GP,),
    ),
    Rule(
        "struggling_to_cope",
        NOT_SETTLING,
        Yes("struggling_to_cope"),
        ROUTINE,
        "If you are worried about the pain or struggling to cope, see a GP: support is available.",
        (NHS_GP,),
    ),
)


@dataclass(frozen=True)
class Reason:
    rule: Rule
    answers: tuple[str, ...]

    @property
    def level(self) -> str:
        return self.rule.level

    @property
    def text(self) -> str:
        return self.rule.reason

    @property
    def sources(self) -> tuple[Source, ...]:
        return self.rule.sources

    @property
    def source(self) -> Source:
        return self.rule.sources[0]

    def as_dict(self) -> dict:
        return {
            "rule": self.rule.id,
            "condition": self.rule.condition,
            "level": self.rule.level,
            "text": self.rule.reason,
            "answers": list(self.answers),
            "sources": [source.as_dict() for source in self.rule.sources],
        }


@dataclass(frozen=True)
class Result:
    level: str
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    def reasons_as_dicts(self) -> list[dict]:
        return [reason.as_dict() for reason in self.reasons]


def validate(answers: Mapping) -> dict:
    """Check codes and value types; return the reported answers (None dropped)."""
    clean = {}
    for code, value in answers.items():
        if code not in ANSWER_CODES:
            raise ValueError(f"Unknown answer code: {code!r}")
        if value is None:
            continue
        if code in NUMBER_CODES:
            low, high = NUMBER_LIMITS[code]
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{code!r} must be a whole number, not {value!r}")
            if not low <= value <= high:
                raise ValueError(f"{code!r} must be between {low} and {high}, not {value}")
        elif not isinstance(value, bool):
            raise ValueError(f"{code!r} must be True or False, not {value!r}")
        clean[code] = value
    return clean


def assess(answers: Mapping) -> Result:
    """The most urgent level of the rules that fire, with every fired rule as a reason."""
    reported = validate(answers)
    fired = []
    for rule in RULES:
        codes = rule.when.fired(reported)
        if codes is not None:
            fired.append(Reason(rule, codes))
    fired.sort(key=lambda reason: LEVELS.index(reason.level))
    level = fired[0].level if fired else SELF_CARE
    return Result(level=level, reasons=tuple(fired))


def assess_with_not_sure(answers: Mapping, not_sure: Iterable[str] = ()) -> Result:
    """`assess`, counting each "not sure" answer as yes inside every rule (contract v2).

    A "not sure" yes/no answer is True. A "not sure" age is each age at which some rule changes,
    and the most urgent result wins, so an unknown age never lowers the level.
    """
    not_sure = set(not_sure)
    unknown = not_sure - set(ANSWER_CODES)
    if unknown:
        raise ValueError(f"Unknown answer code: {sorted(unknown)[0]!r}")
    if "duration_weeks" in not_sure:
        raise ValueError("'duration_weeks' cannot be not sure: leave it out instead")
    counted = {**answers, **{code: True for code in not_sure if code in BOOLEAN_CODES}}
    if "age" not in not_sure:
        return assess(counted)
    results = [assess({**counted, "age": age}) for age in _ages_that_change_a_rule()]
    return min(results, key=lambda result: LEVELS.index(result.level))


def _ages_that_change_a_rule() -> list[int]:
    ages = {
        example["age"] for rule in RULES for example in rule.when.examples() if "age" in example
    }
    return sorted(ages)


@dataclass(frozen=True)
class CombinationCase:
    rule: str
    answers: dict
    modifiers: tuple[str, ...]
    level: str


def combination_cases() -> Iterator[CombinationCase]:
    """Every way a risk-modifier answer together with another sign fires an emergency or
    same-day rule, as the smallest answers that do it."""
    seen = set()
    for rule in RULES:
        if rule.level not in (EMERGENCY, SAME_DAY):
            continue
        for example in rule.when.examples():
            # The form asks "is that weakness getting worse?" only after a yes to leg weakness,
            # so a case with the follow-up alone could not be answered; the leg_weakness case
            # covers it.
            if example.get("weakness_progressing") and not example.get("leg_weakness"):
                continue
            modifiers = tuple(code for code in RISK_MODIFIER_CODES if code in example)
            key = (rule.id, tuple(sorted(example.items())))
            if len(example) < 2 or not modifiers or key in seen:
                continue
            seen.add(key)
            yield CombinationCase(rule.id, dict(example), modifiers, rule.level)
