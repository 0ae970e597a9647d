"""The triage rules, table-driven. Each case cites the source of the rule it checks; the test
also checks that the cited guideline is among the sources of the rules that fired."""

import itertools

import pytest

from guidance import triage
from guidance.checklist_questions import (
    ARTICLE_COVERAGE,
    EMERGENCY_CODES,
    LEVEL_INFO,
    QUESTIONS,
    QUESTIONS_BY_CODE,
)
from guidance.models import TriageLevel
from guidance.triage import EMERGENCY, LEVELS, ROUTINE, SAME_DAY, SELF_CARE, WITHIN_DAYS, assess

NHS = "NHS: Back pain"
ROYAL_FREE = "Royal Free"
GIRFT = "GIRFT"
NORTHERN = "HSC Northern"
GCARE = "G-care"
DOWNIE = "Downie"
ACP11 = "Chou et al., Ann Intern Med, 2011"
ACP07 = "Chou et al., Ann Intern Med, 2007"
ACP17 = "Qaseem"
CG75 = "CG75"
SCOT = "Scottish Referral Guidelines"
NG12 = "NG12"
CKS = "NICE CKS"
YUSUF = "Yusuf"
NG156 = "NG156"
NG65 = "NG65"
GPN = "GPnotebook"
NHS_EX = "NHS: Back pain exercises"
NG59 = "NG59"
STOMACH = "NHS: Stomach ache"
SEPSIS = "NHS: Sepsis"
UKONS = "UKONS"

# (id, answers, level, rules that must fire, cited source, rules that must not fire)
CASES = [
    # Cauda equina syndrome (clinical reference 1.1): any one sign, whatever the duration.
    ("ces-incontinence", {"incontinence": True}, EMERGENCY, ["ces_incontinence"], NHS, []),
    ("ces-saddle", {"saddle_numbness": True}, EMERGENCY, ["ces_saddle_numbness"], ROYAL_FREE, []),
    ("ces-bladder", {"bladder_change": True}, EMERGENCY, ["ces_bladder_change"], GIRFT, []),
    ("ces-sexual", {"sexual_change": True}, EMERGENCY, ["ces_sexual_change"], ROYAL_FREE, []),
    ("ces-both-legs", {"both_legs": True}, EMERGENCY, ["ces_both_legs"], GIRFT, []),
    (
        "ces-saddle-three-weeks-still-emergency",
        {"saddle_numbness": True, "duration_weeks": 3},
        EMERGENCY,
        ["ces_saddle_numbness"],
        GIRFT,
        [],
    ),
    (
        "ces-bladder-a-year-still-emergency",
        {"bladder_change": True, "duration_weeks": 52, "not_improving": False},
        EMERGENCY,
        ["ces_bladder_change", "persistent_12_weeks"],
        ROYAL_FREE,
        [],
    ),
    (
        "ces-incontinence-improving",
        {"incontinence": True, "duration_weeks": 0, "not_improving": False, "worsening": False},
        EMERGENCY,
        ["ces_incontinence"],
        NHS,
        [],
    ),
    (
        "ces-young",
        {"saddle_numbness": True, "age": 25},
        EMERGENCY,
        ["ces_saddle_numbness"],
        NHS,
        [],
    ),
    (
        "ces-both-legs-with-sciatica",
        {"both_legs": True, "sciatica": True},
        EMERGENCY,
        ["ces_both_legs", "nerve_sciatica"],
        NHS,
        [],
    ),
    # Spinal fracture (1.2).
    (
        "fracture-major-trauma",
        {"major_trauma": True},
        EMERGENCY,
        ["fracture_major_trauma"],
        NHS,
        [],
    ),
    (
        "fracture-major-trauma-two-months",
        {"major_trauma": True, "duration_weeks": 8},
        EMERGENCY,
        ["fracture_major_trauma"],
        NORTHERN,
        [],
    ),
    (
        "fracture-minor-trauma-osteoporosis",
        {"minor_trauma": True, "osteoporosis": True},
        SAME_DAY,
        ["fracture_fragility", "fracture_bone_risk"],
        GCARE,
        [],
    ),
    (
        "fracture-minor-trauma-steroids",
        {"minor_trauma": True, "long_term_steroids": True},
        SAME_DAY,
        ["fracture_fragility"],
        DOWNIE,
        [],
    ),
    (
        "fracture-minor-trauma-over-65",
        {"minor_trauma": True, "age": 70},
        SAME_DAY,
        ["fracture_older_minor_trauma"],
        ACP11,
        [],
    ),
    (
        "fracture-minor-trauma-at-65-is-not-the-older-rule",
        {"minor_trauma": True, "age": 65},
        SELF_CARE,
        [],
        ACP11,
        ["fracture_older_minor_trauma"],
    ),
    (
        "fracture-minor-strain-young",
        {"minor_trauma": True, "age": 40, "duration_weeks": 1},
        SELF_CARE,
        [],
        NHS_EX,
        [],
    ),
    (
        "fracture-osteoporosis",
        {"osteoporosis": True},
        WITHIN_DAYS,
        ["fracture_bone_risk"],
        ACP11,
        [],
    ),
    (
        "fracture-steroids",
        {"long_term_steroids": True},
        WITHIN_DAYS,
        ["fracture_bone_risk"],
        DOWNIE,
        [],
    ),
    (
        "fracture-osteoporosis-numb-leg",
        {"osteoporosis": True, "leg_numbness": True},
        EMERGENCY,
        ["fracture_with_nerve_signs"],
        NORTHERN,
        [],
    ),
    (
        "fracture-minor-trauma-weak-leg-70",
        {"minor_trauma": True, "leg_weakness": True, "age": 70},
        EMERGENCY,
        ["fracture_with_nerve_signs", "nerve_weakness", "fracture_older_minor_trauma"],
        GCARE,
        [],
    ),
    (
        "fracture-steroids-numb-leg-no-injury",
        {"long_term_steroids": True, "leg_numbness": True},
        EMERGENCY,
        ["fracture_with_nerve_signs"],
        NORTHERN,
        [],
    ),
    (
        # A lift or strain in a younger person is not a suspected fracture: weakness after it is
        # the nerve rule (same day), not an emergency.
        "strain-weak-leg-35-is-not-a-fracture",
        {"minor_trauma": True, "leg_weakness": True, "age": 35},
        SAME_DAY,
        ["nerve_weakness"],
        ACP07,
        ["fracture_with_nerve_signs"],
    ),
    (
        "strain-numb-leg-sciatica-age-unknown",
        {"minor_trauma": True, "leg_numbness": True, "sciatica": True},
        ROUTINE,
        ["nerve_numbness", "nerve_sciatica"],
        GCARE,
        ["fracture_with_nerve_signs"],
    ),
    # Cancer and metastatic spinal cord compression (1.3).
    (
        "cancer-night-pain-62",
        {"age": 62, "cancer_history": True, "night_pain": True},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain", "night_pain", "cancer_history"],
        CG75,
        [],
    ),
    ("cancer-history-alone", {"cancer_history": True}, WITHIN_DAYS, ["cancer_history"], CKS, []),
    (
        # CG75: "progressive lower (lumbar) spinal pain" in someone with cancer -> within 24 h.
        "cancer-with-worsening-pain",
        {"cancer_history": True, "worsening": True},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain", "worsening"],
        CG75,
        [],
    ),
    (
        # Age over 50 alone is a weak flag (ACP 2011: defer imaging after a trial of therapy).
        "over-50-new-pain-alone",
        {"age": 58, "duration_weeks": 1},
        SELF_CARE,
        ["older_new_pain"],
        ACP11,
        ["older_not_improving"],
    ),
    (
        "over-60-not-improving-5-weeks",
        {"age": 64, "duration_weeks": 5, "not_improving": True},
        WITHIN_DAYS,
        ["older_not_improving", "not_settling", "older_new_pain"],
        NG12,
        [],
    ),
    (
        "cancer-with-sciatica-is-emergency",
        {"cancer_history": True, "sciatica": True},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs"],
        CG75,
        [],
    ),
    (
        "cancer-with-new-weakness-is-emergency",
        {"cancer_history": True, "leg_weakness": True, "duration_weeks": 10},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs", "nerve_weakness"],
        SCOT,
        [],
    ),
    (
        "cancer-with-numb-leg-is-emergency",
        {"cancer_history": True, "leg_numbness": True},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs"],
        SCOT,
        [],
    ),
    (
        "cancer-thoracic",
        {"cancer_history": True, "thoracic_pain": True},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain", "thoracic_pain"],
        CG75,
        [],
    ),
    (
        "cancer-straining",
        {"cancer_history": True, "worse_on_straining": True},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain"],
        SCOT,
        [],
    ),
    (
        "cancer-weight-loss",
        {"cancer_history": True, "weight_loss": True},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain", "weight_loss"],
        NG12,
        [],
    ),
    (
        "cancer-with-saddle-numbness",
        {"cancer_history": True, "saddle_numbness": True},
        EMERGENCY,
        ["ces_saddle_numbness", "cancer_history"],
        GIRFT,
        [],
    ),
    (
        "cancer-night-pain-months-still-same-day",
        {"cancer_history": True, "night_pain": True, "duration_weeks": 30},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain"],
        CG75,
        [],
    ),
    ("weight-loss", {"weight_loss": True}, SAME_DAY, ["weight_loss"], NG12, []),
    ("night-pain", {"night_pain": True}, SAME_DAY, ["night_pain"], NHS, []),
    ("thoracic-pain", {"thoracic_pain": True}, SAME_DAY, ["thoracic_pain"], NHS, []),
    ("back-lump", {"back_lump": True}, SAME_DAY, ["back_lump"], NHS, []),
    (
        "constant-progressive",
        {"constant_progressive": True},
        SAME_DAY,
        ["constant_progressive"],
        NHS,
        [],
    ),
    ("worse-on-straining", {"worse_on_straining": True}, SAME_DAY, ["worse_on_straining"], NHS, []),
    (
        "over-50-not-improving-a-month",
        {"age": 55, "not_improving": True, "duration_weeks": 5},
        WITHIN_DAYS,
        ["older_not_improving", "not_settling"],
        GCARE,
        [],
    ),
    (
        "aged-50-not-improving-a-month",
        {"age": 50, "not_improving": True, "duration_weeks": 5},
        ROUTINE,
        ["not_settling"],
        NHS,
        ["older_not_improving"],
    ),
    (
        "under-20",
        {"age": 18, "duration_weeks": 1},
        WITHIN_DAYS,
        ["young_onset"],
        GCARE,
        [],
    ),
    # Spinal infection (1.4): each risk counts without fever.
    (
        "infection-fever-immunosuppressed-50",
        {"fever": True, "immunosuppressed": True, "age": 50},
        SAME_DAY,
        ["infection_fever", "infection_risk"],
        GCARE,
        [],
    ),
    ("infection-fever", {"fever": True}, SAME_DAY, ["infection_fever"], NHS, []),
    (
        "infection-immunosuppressed-no-fever",
        {"immunosuppressed": True, "fever": False},
        SAME_DAY,
        ["infection_risk"],
        YUSUF,
        ["infection_fever"],
    ),
    (
        "infection-iv-drugs-no-fever",
        {"iv_drug_use": True, "fever": False},
        SAME_DAY,
        ["infection_risk"],
        ACP11,
        [],
    ),
    (
        "infection-recent-procedure-no-fever",
        {"recent_infection": True, "fever": False, "duration_weeks": 0},
        SAME_DAY,
        ["infection_risk"],
        GCARE,
        [],
    ),
    (
        "infection-fever-weak-leg",
        {"fever": True, "leg_weakness": True},
        EMERGENCY,
        ["infection_with_nerve_signs"],
        ACP11,
        [],
    ),
    (
        "infection-no-fever-numb-leg-still-emergency",
        {"immunosuppressed": True, "fever": False, "leg_numbness": True},
        EMERGENCY,
        ["infection_with_nerve_signs"],
        YUSUF,
        [],
    ),
    (
        "infection-very-unwell",
        {"feel_very_unwell": True},
        EMERGENCY,
        ["infection_very_unwell"],
        SEPSIS,
        [],
    ),
    (
        "infection-very-unwell-no-fever-recent-infection",
        {"feel_very_unwell": True, "fever": False, "recent_infection": True},
        EMERGENCY,
        ["infection_very_unwell", "infection_risk"],
        ACP11,
        [],
    ),
    # Abdominal aortic aneurysm and other emergencies (1.6).
    ("chest-pain-47", {"chest_pain": True, "age": 47}, EMERGENCY, ["chest_pain"], NHS, []),
    (
        "aaa-tummy-young-no-risk-is-today",
        {"abdominal_pain": True, "age": 27},
        SAME_DAY,
        ["abdominal_pain"],
        STOMACH,
        ["aaa_abdominal_pain_risk", "abdominal_pain_sudden_or_severe"],
    ),
    ("aaa-collapse", {"faint_or_collapse": True}, EMERGENCY, ["aaa_collapse"], NG156, []),
    (
        "aaa-tummy-older-first-days",
        {"abdominal_pain": True, "age": 70, "duration_weeks": 0},
        EMERGENCY,
        ["aaa_abdominal_pain_risk"],
        NG156,
        [],
    ),
    # Nerve root compression (1.7).
    (
        "nerve-weakness-progressing",
        {"leg_weakness": True, "weakness_progressing": True},
        SAME_DAY,
        ["nerve_weakness", "nerve_weakness_progressing"],
        ACP07,
        [],
    ),
    ("nerve-weakness", {"leg_weakness": True}, SAME_DAY, ["nerve_weakness"], ACP07, []),
    (
        "nerve-progressing-alone",
        {"weakness_progressing": True},
        SAME_DAY,
        ["nerve_weakness_progressing"],
        ACP11,
        [],
    ),
    # Stable one-sided sciatica without weakness: self-care.
    ("nerve-sciatica", {"sciatica": True}, SELF_CARE, ["nerve_sciatica"], NG59, []),
    ("nerve-numb-leg", {"leg_numbness": True}, ROUTINE, ["nerve_numbness"], GCARE, []),
    (
        "nerve-sciatica-not-settling-8-weeks",
        {"sciatica": True, "not_improving": True, "duration_weeks": 8},
        WITHIN_DAYS,
        ["nerve_sciatica_not_settling", "not_settling"],
        GPN,
        [],
    ),
    (
        "nerve-sciatica-4-weeks",
        {"sciatica": True, "not_improving": True, "duration_weeks": 4},
        ROUTINE,
        ["nerve_sciatica", "not_settling"],
        NHS,
        ["nerve_sciatica_not_settling"],
    ),
    (
        "nerve-weakness-20-weeks-still-same-day",
        {"leg_weakness": True, "duration_weeks": 20},
        SAME_DAY,
        ["nerve_weakness", "persistent_12_weeks"],
        ACP07,
        [],
    ),
    # Inflammatory back pain (1.5).
    (
        "inflammatory-contract-example",
        {
            "age": 40,
            "duration_weeks": 20,
            "morning_stiffness": True,
            "eases_with_movement": True,
            "wakes_late_night": True,
        },
        ROUTINE,
        ["inflammatory_back_pain", "persistent_12_weeks"],
        NG65,
        [],
    ),
    (
        "inflammatory-family-history",
        {"age": 30, "duration_weeks": 26, "morning_stiffness": True, "inflammatory_history": True},
        ROUTINE,
        ["inflammatory_back_pain"],
        NG65,
        [],
    ),
    (
        "inflammatory-started-after-45",
        {"age": 60, "duration_weeks": 20, "morning_stiffness": True, "eases_with_movement": True},
        ROUTINE,
        ["persistent_12_weeks"],
        ACP17,
        ["inflammatory_back_pain"],
    ),
    (
        "inflammatory-started-at-43-aged-46",
        {"age": 46, "duration_weeks": 156, "morning_stiffness": True, "wakes_late_night": True},
        ROUTINE,
        ["inflammatory_back_pain"],
        NG65,
        [],
    ),
    (
        "inflammatory-features-for-4-weeks",
        {"age": 30, "duration_weeks": 4, "morning_stiffness": True, "eases_with_movement": True},
        SELF_CARE,
        [],
        NG65,
        ["inflammatory_back_pain"],
    ),
    # Pain that is not settling (1.8).
    (
        "not-improving-10-weeks-41",
        {"duration_weeks": 10, "not_improving": True, "age": 41},
        ROUTINE,
        ["not_settling"],
        NHS,
        [],
    ),
    ("persistent-12-weeks", {"duration_weeks": 12}, ROUTINE, ["persistent_12_weeks"], GPN, []),
    (
        "eleven-weeks-improving",
        {"duration_weeks": 11, "not_improving": False},
        SELF_CARE,
        [],
        NHS_EX,
        [],
    ),
    (
        "stops-daily-activities",
        {"stops_daily_activities": True},
        ROUTINE,
        ["stops_daily_activities"],
        NHS,
        [],
    ),
    ("severe-pain", {"severe_pain": True}, ROUTINE, ["severe_pain"], NHS, []),
    ("worsening", {"worsening": True}, ROUTINE, ["worsening"], NHS, []),
    ("struggling", {"struggling_to_cope": True}, ROUTINE, ["struggling_to_cope"], NHS, []),
    ("self-care-30-one-week", {"age": 30, "duration_weeks": 1}, SELF_CARE, [], NHS_EX, []),
    (
        "not-improving-first-week",
        {"not_improving": True, "duration_weeks": 1},
        SELF_CARE,
        [],
        NHS_EX,
        [],
    ),
    ("nothing-reported", {}, SELF_CARE, [], NHS_EX, []),
    (
        "all-emergency-signs-no",
        {**{code: False for code in EMERGENCY_CODES}, "age": 35, "duration_weeks": 1},
        SELF_CARE,
        [],
        NHS_EX,
        [],
    ),
    # Combinations: the most urgent wins and every rule is a reason.
    (
        "combo-saddle-fever-cancer",
        {"saddle_numbness": True, "fever": True, "cancer_history": True},
        EMERGENCY,
        ["ces_saddle_numbness", "infection_fever", "cancer_history"],
        GIRFT,
        [],
    ),
    (
        "combo-chest-pain-cancer-night",
        {"chest_pain": True, "cancer_history": True, "night_pain": True, "worsening": True},
        EMERGENCY,
        ["chest_pain", "mscc_cancer_with_spinal_pain", "night_pain", "cancer_history", "worsening"],
        NHS,
        [],
    ),
    (
        "combo-steroids-severe-worsening",
        {"long_term_steroids": True, "severe_pain": True, "worsening": True},
        WITHIN_DAYS,
        ["fracture_bone_risk", "severe_pain", "worsening"],
        DOWNIE,
        [],
    ),
    # Version 2 (issue 8). Item 1: older age with severe or worsening pain, no injury (ACP 2011
    # age thresholds; G-care: new pain over 50).
    (
        "older-52-severe-no-injury",
        {"age": 52, "severe_pain": True, "duration_weeks": 1},
        WITHIN_DAYS,
        ["older_severe_or_worsening"],
        ACP11,
        [],
    ),
    (
        "older-80-severe-new",
        {"age": 80, "severe_pain": True, "duration_weeks": 0},
        WITHIN_DAYS,
        ["older_severe_or_worsening"],
        DOWNIE,
        [],
    ),
    (
        "older-70-worsening",
        {"age": 70, "worsening": True},
        WITHIN_DAYS,
        ["older_severe_or_worsening"],
        GCARE,
        [],
    ),
    (
        "age-50-severe-is-routine",
        {"age": 50, "severe_pain": True},
        ROUTINE,
        ["severe_pain"],
        NHS,
        ["older_severe_or_worsening"],
    ),
    (
        "older-70-mild-new-is-self-care",
        {"age": 70, "duration_weeks": 0},
        SELF_CARE,
        ["older_new_pain"],
        ACP11,
        ["older_severe_or_worsening"],
    ),
    (
        "older-80-minor-fall",
        {"age": 80, "minor_trauma": True},
        SAME_DAY,
        ["fracture_older_minor_trauma"],
        ACP11,
        [],
    ),
    (
        "older-75-severe-osteoporosis",
        {"age": 75, "severe_pain": True, "osteoporosis": True},
        WITHIN_DAYS,
        ["fracture_bone_risk", "older_severe_or_worsening"],
        DOWNIE,
        [],
    ),
    (
        "older-70-worsening-cancer",
        {"age": 70, "worsening": True, "cancer_history": True},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain", "older_severe_or_worsening"],
        CG75,
        [],
    ),
    # Sudden severe pain unlike before (CKS; NICE NG156 with age or vascular risk).
    (
        "sudden-onset-young",
        {"sudden_onset": True, "age": 30},
        SAME_DAY,
        ["sudden_onset"],
        CKS,
        ["aaa_sudden_onset_risk"],
    ),
    (
        "sudden-onset-at-65-no-risk",
        {"sudden_onset": True, "age": 65},
        SAME_DAY,
        ["sudden_onset"],
        GCARE,
        ["aaa_sudden_onset_risk"],
    ),
    (
        "sudden-onset-vascular-risk",
        {"sudden_onset": True, "vascular_risk": True, "age": 55},
        EMERGENCY,
        ["aaa_sudden_onset_risk"],
        NG156,
        [],
    ),
    (
        "sudden-onset-aged-70",
        {"sudden_onset": True, "age": 70},
        EMERGENCY,
        ["aaa_sudden_onset_risk"],
        NG156,
        [],
    ),
    (
        "sudden-onset-faint",
        {"sudden_onset": True, "faint_or_collapse": True, "age": 40},
        EMERGENCY,
        ["aaa_collapse", "sudden_onset"],
        NG156,
        [],
    ),
    (
        "vascular-risk-alone-raises-nothing",
        {"vascular_risk": True, "age": 60},
        SELF_CARE,
        ["older_new_pain"],
        ACP11,
        ["aaa_sudden_onset_risk", "aaa_abdominal_pain_risk"],
    ),
    # Difficulty walking (CKS / G-care gait disturbance; CG75 with cancer).
    (
        "walking-alone",
        {"walking_difficulty": True, "age": 45},
        SAME_DAY,
        ["walking_difficulty"],
        GCARE,
        [],
    ),
    (
        "walking-three-weeks-still-today",
        {"walking_difficulty": True, "duration_weeks": 3},
        SAME_DAY,
        ["walking_difficulty"],
        CKS,
        [],
    ),
    (
        "walking-cancer",
        {"walking_difficulty": True, "cancer_history": True},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs"],
        CG75,
        [],
    ),
    (
        "walking-both-legs",
        {"walking_difficulty": True, "both_legs": True},
        EMERGENCY,
        ["walking_both_legs", "ces_both_legs"],
        GIRFT,
        [],
    ),
    (
        "walking-fever",
        {"walking_difficulty": True, "fever": True},
        EMERGENCY,
        ["infection_with_nerve_signs"],
        YUSUF,
        [],
    ),
    (
        "walking-osteoporosis",
        {"walking_difficulty": True, "osteoporosis": True},
        EMERGENCY,
        ["fracture_with_nerve_signs"],
        NORTHERN,
        [],
    ),
    (
        "walking-foot-drop-one-leg",
        {"walking_difficulty": True, "leg_weakness": True, "age": 40},
        SAME_DAY,
        ["walking_difficulty", "nerve_weakness"],
        ACP07,
        [],
    ),
    # Item 7: tummy pain is an emergency in NG156's risk groups, or when sudden or severe (NHS).
    (
        "tummy-aged-66",
        {"abdominal_pain": True, "age": 66},
        EMERGENCY,
        ["aaa_abdominal_pain_risk"],
        NG156,
        [],
    ),
    (
        "tummy-aged-65-no-risk",
        {"abdominal_pain": True, "age": 65},
        SAME_DAY,
        ["abdominal_pain"],
        STOMACH,
        ["aaa_abdominal_pain_risk"],
    ),
    (
        "tummy-young-vascular-risk",
        {"abdominal_pain": True, "vascular_risk": True, "age": 45},
        EMERGENCY,
        ["aaa_abdominal_pain_risk"],
        NG156,
        [],
    ),
    (
        "tummy-young-faint",
        {"abdominal_pain": True, "faint_or_collapse": True, "age": 27},
        EMERGENCY,
        ["aaa_collapse"],
        NG156,
        ["aaa_abdominal_pain_risk"],
    ),
    (
        "tummy-young-sudden",
        {"abdominal_pain": True, "sudden_onset": True, "age": 27},
        EMERGENCY,
        ["abdominal_pain_sudden_or_severe"],
        STOMACH,
        ["aaa_abdominal_pain_risk"],
    ),
    (
        "tummy-young-severe",
        {"abdominal_pain": True, "severe_pain": True, "age": 30},
        EMERGENCY,
        ["abdominal_pain_sudden_or_severe"],
        STOMACH,
        [],
    ),
    (
        "tummy-young-fever",
        {"abdominal_pain": True, "fever": True, "age": 27},
        SAME_DAY,
        ["abdominal_pain", "infection_fever"],
        STOMACH,
        ["aaa_abdominal_pain_risk"],
    ),
    ("tummy-age-not-given", {"abdominal_pain": True}, SAME_DAY, ["abdominal_pain"], STOMACH, []),
    # Item 8: cancer history with nerve symptoms: the cancer team's line now (CG75; UKONS).
    (
        "cancer-ordinary-sciatica",
        {"cancer_history": True, "sciatica": True, "age": 45},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs"],
        UKONS,
        [],
    ),
    (
        "cancer-numb-leg-aged-74",
        {"cancer_history": True, "leg_numbness": True, "age": 74},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs"],
        SCOT,
        [],
    ),
    (
        "cancer-leg-weakness",
        {"cancer_history": True, "leg_weakness": True},
        EMERGENCY,
        ["mscc_cancer_with_nerve_signs", "nerve_weakness"],
        CG75,
        [],
    ),
    (
        "cancer-back-lump-aged-58",
        {"cancer_history": True, "back_lump": True, "age": 58},
        SAME_DAY,
        ["mscc_cancer_with_spinal_pain", "back_lump"],
        SCOT,
        [],
    ),
    # Item 9: without cancer these signs cite the NHS urgent list, not CG75.
    (
        "thoracic-no-cancer",
        {"thoracic_pain": True, "age": 40},
        SAME_DAY,
        ["thoracic_pain"],
        NHS,
        ["mscc_cancer_with_spinal_pain"],
    ),
    (
        "straining-no-cancer",
        {"worse_on_straining": True, "age": 35},
        SAME_DAY,
        ["worse_on_straining"],
        NHS,
        [],
    ),
    (
        "constant-progressive-no-cancer",
        {"constant_progressive": True, "cancer_history": False, "age": 48},
        SAME_DAY,
        ["constant_progressive"],
        NHS,
        [],
    ),
    (
        "very-unwell-with-fever",
        {"feel_very_unwell": True, "fever": True},
        EMERGENCY,
        ["infection_very_unwell", "infection_fever"],
        SEPSIS,
        [],
    ),
    (
        "fragility-steroids-strain-aged-40",
        {"minor_trauma": True, "long_term_steroids": True, "age": 40},
        SAME_DAY,
        ["fracture_fragility"],
        NORTHERN,
        [],
    ),
    (
        "sciatica-3-weeks-not-better",
        {"sciatica": True, "not_improving": True, "duration_weeks": 3},
        ROUTINE,
        ["not_settling", "nerve_sciatica"],
        NHS,
        ["nerve_sciatica_not_settling"],
    ),
    # Item 6: long-lasting does not lower an emergency sign the person reports as new or worse.
    (
        "both-legs-two-years-aged-70",
        {"both_legs": True, "age": 70, "duration_weeks": 104},
        EMERGENCY,
        ["ces_both_legs"],
        GIRFT,
        [],
    ),
]


def test_the_table_has_at_least_120_cases_and_covers_every_level_and_condition():
    assert len(CASES) >= 120
    assert {case[2] for case in CASES} == set(LEVELS)
    fired_conditions = {
        reason.rule.condition for case in CASES for reason in assess(case[1]).reasons
    }
    assert fired_conditions == {rule.condition for rule in triage.RULES}
    fired_rules = {reason.rule.id for case in CASES for reason in assess(case[1]).reasons}
    assert fired_rules == {rule.id for rule in triage.RULES}, "every rule has a case"


@pytest.mark.parametrize(
    "answers, level, must_fire, cited, must_not_fire",
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_triage_case(answers, level, must_fire, cited, must_not_fire):
    result = assess(answers)

    assert result.level == level
    fired = [reason.rule.id for reason in result.reasons]
    assert set(must_fire) <= set(fired)
    assert not set(must_not_fire) & set(fired)
    if result.reasons:
        cited_sources = [
            source.guideline for reason in result.reasons for source in reason.rule.sources
        ]
        assert any(cited in guideline for guideline in cited_sources), (cited, cited_sources)


def test_contract_examples():
    examples = [
        ({"incontinence": True}, "emergency"),
        ({"chest_pain": True, "age": 47}, "emergency"),
        ({"cancer_history": True, "night_pain": True, "age": 62}, "same_day"),
        ({"fever": True, "immunosuppressed": True, "age": 50}, "same_day"),
        ({"leg_weakness": True, "weakness_progressing": True}, "same_day"),
        ({"duration_weeks": 10, "not_improving": True, "age": 41}, "routine"),
        (
            {
                "age": 40,
                "duration_weeks": 20,
                "morning_stiffness": True,
                "eases_with_movement": True,
                "wakes_late_night": True,
            },
            "routine",
        ),
        ({"age": 30, "duration_weeks": 1}, "self_care"),
    ]
    for answers, level in examples:
        assert assess(answers).level == level, answers


def test_levels_match_the_model_choices_most_urgent_first():
    assert LEVELS == tuple(TriageLevel.values)
    assert set(LEVEL_INFO) == set(LEVELS)
    for info in LEVEL_INFO.values():
        assert info.title and info.action and info.detail and info.sources, info.code


def test_unknown_code_raises_value_error_naming_it():
    with pytest.raises(ValueError, match="saddle_numbnes"):
        assess({"saddle_numbnes": True})


@pytest.mark.parametrize(
    "answers, message",
    [
        ({"age": "62"}, "age"),
        ({"age": 500}, "age"),
        ({"duration_weeks": -1}, "duration_weeks"),
        ({"age": True}, "age"),
        ({"fever": "yes"}, "fever"),
        ({"fever": 1}, "fever"),
    ],
)
def test_wrong_values_raise_value_error_naming_the_code(answers, message):
    with pytest.raises(ValueError, match=message):
        assess(answers)


def test_missing_or_none_answers_mean_not_reported():
    assert assess({}).level == SELF_CARE
    assert assess({"saddle_numbness": None, "age": None}).level == SELF_CARE
    assert assess({"saddle_numbness": False}).reasons == ()


def test_reasons_are_most_urgent_first_and_list_every_rule_that_fired():
    result = assess(
        {"sciatica": True, "fever": True, "osteoporosis": True, "both_legs": True, "age": 30}
    )
    assert [reason.rule.id for reason in result.reasons] == [
        "ces_both_legs",
        "infection_fever",
        "fracture_bone_risk",
        "nerve_sciatica",
    ]
    levels = [LEVELS.index(reason.level) for reason in result.reasons]
    assert levels == sorted(levels)
    assert result.reasons[0].answers == ("both_legs",)


@pytest.mark.parametrize("code", EMERGENCY_CODES)
@pytest.mark.parametrize("weeks", [0, 1, 3, 6, 12, 52, 520])
def test_duration_never_downgrades_an_emergency_sign(code, weeks):
    """Contract: "Duration never lowers urgency" (GIRFT / Cornwall: still A&E after 2 weeks)."""
    for extra in ({}, {"age": 70}):
        alone = assess({code: True, **extra}).level
        later = assess({code: True, "duration_weeks": weeks, "not_improving": False, **extra})
        assert later.level == alone


@pytest.mark.parametrize("risk", ["iv_drug_use", "immunosuppressed", "recent_infection"])
@pytest.mark.parametrize("extra", [{}, {"leg_weakness": True}, {"feel_very_unwell": True}])
def test_no_fever_never_lowers_urgency_of_other_infection_signs(risk, extra):
    """Yusuf 2019: fever is absent in about 45% of spinal infections."""
    with_fever_unknown = assess({risk: True, **extra}).level
    without_fever = assess({risk: True, "fever": False, **extra}).level
    assert without_fever == with_fever_unknown
    assert LEVELS.index(without_fever) <= LEVELS.index(SAME_DAY)


def test_answering_yes_to_more_signs_never_lowers_the_level():
    codes = list(triage.BOOLEAN_CODES)
    for first, second in itertools.combinations(codes, 2):
        alone = LEVELS.index(assess({first: True, "age": 40, "duration_weeks": 1}).level)
        both = LEVELS.index(
            assess({first: True, second: True, "age": 40, "duration_weeks": 1}).level
        )
        assert both <= alone, (first, second)


# Asked first because they are emergencies together with a risk answer (age, vascular risk,
# cancer): on their own they need a doctor today (NICE NG156; CKS; NICE CG75).
EMERGENCY_WITH_RISK = {"abdominal_pain", "sudden_onset", "walking_difficulty"}


@pytest.mark.parametrize("code", EMERGENCY_CODES)
def test_each_emergency_question_alone_is_an_emergency_or_today(code):
    expected = SAME_DAY if code in EMERGENCY_WITH_RISK else EMERGENCY
    assert assess({code: True}).level == expected
    assert triage.assess_with_not_sure({code: True}, ["age", "cancer_history"]).level == EMERGENCY


def test_assess_is_pure():
    """No db mark: pytest-django makes any database access in this test an error."""
    answers = {"cancer_history": True, "night_pain": True, "age": 62}
    frozen = dict(answers)
    assert assess(answers) == assess(answers)
    assert answers == frozen


def test_every_rule_is_complete_data():
    ids = [rule.id for rule in triage.RULES]
    assert len(ids) == len(set(ids))
    for rule in triage.RULES:
        assert rule.condition and rule.reason and rule.level in LEVELS
        assert rule.sources, rule.id
        for source in rule.sources:
            assert source.guideline and source.section
            assert source.url.startswith(("https://", "http://")), source.url
        assert rule.answers  # the condition describes itself in words


def test_every_answer_code_has_one_question_with_help_text():
    assert [q.code for q in QUESTIONS].count("age") == 1
    assert set(QUESTIONS_BY_CODE) == set(triage.ANSWER_CODES)
    assert len(QUESTIONS) == len(triage.ANSWER_CODES)
    for question in QUESTIONS:
        assert question.text.endswith("?") and question.help
        assert question.parent is None or question.parent in QUESTIONS_BY_CODE


def test_article_lists_map_to_real_questions():
    assert len(ARTICLE_COVERAGE) >= 15
    for _item, codes in ARTICLE_COVERAGE:
        assert codes and set(codes) <= set(triage.ANSWER_CODES)
