# ruff: noqa: E501  (notes are prose, one per source, kept whole)
"""What a clinician still has to check in each red-flag source, for the hazard log.

Kept apart from `guidance.triage`, whose sources the pages show: nothing here is ever rendered
to people using the app. `triage.sources_to_verify()` pairs each note with its source.
"""

_NHS_BACK_PAIN_COPIES = (
    "Wording read in secondary copies of the page (clinical reference 1.1, 1.3, 1.8); check it "
    "on the live page and record its review date."
)

NOTES = {
    "NHS_999": _NHS_BACK_PAIN_COPIES,
    "NHS_111": _NHS_BACK_PAIN_COPIES,
    "NHS_GP": _NHS_BACK_PAIN_COPIES,
    "NHS_EXERCISE": "Quote read in a 2019 copy of the page; check the live page still says it.",
    "NHS_STOMACH_ACHE": "Wording read in an NHS inform copy on a GP practice site; check the live nhs.uk page.",
    "NHS_SEPSIS": "Not in the clinical reference; wording read in UK Sepsis Trust leaflets reproduced by NHS "
    "practices. Check the live page.",
    "GIRFT_CES": "The GIRFT pathway document itself was not read; the content comes from the CSP summary and "
    "BMJ Best Practice.",
    "ACP_2011": "Table 2 was read in a guidelinecentral copy with a garbled layout; check it against the "
    "journal PDF (including where cauda equina sits).",
    "NORTHERN_TRUST": "Its list for difficulty walking (“disturbance to your normal walk”) was read in the "
    "clinical reference's summary; check the page.",
    "NICE_CG75": "CG75 wording is quoted; check that NICE NG234 (2023) keeps the same symptoms and timings.",
    "SCOTTISH_CANCER": "Confirm the edition year shown.",
    "UKONS_HELPLINE": "Marked [VERIFY] in the clinical reference (6.1). The toolkit is written for the staff who "
    "run the lines; check who is given a 24-hour number (during and how long after treatment).",
    "CKS_RED_FLAGS": "Quotes read on an old CKS page and a third-party copy; the current cks.nice.org.uk pages "
    "were not read. Check both quotes there.",
    "NICE_NG156": "The end of recommendation 1.1 and the risk-factor list were read in a secondary copy; "
    "check them, and the ages used here (66 and over for everyone, as there is no question "
    "about sex).",
    "GPNOTEBOOK": "Read on a preview copy of GPnotebook, not the live site; find the page on gpnotebook.com. "
    "The timings are historical (CSAG 1994) and superseded in framing.",
    "IFOMPT_2020": "The decision tools were read in secondary summaries, not the full paper.",
    "NHS_WHEN_999": "Not in the clinical reference: added to signpost services by region. Check the address "
    "and wording.",
    "NHS_WHEN_111": "Not in the clinical reference: added to signpost services by region. Check the address "
    "and wording.",
    "EU_112": "Not in the clinical reference: added to signpost services by region. Check the address "
    "and wording.",
    "KBV_116117": "Not in the clinical reference: added to signpost services by region. Check the address "
    "and wording.",
    "MEDLINEPLUS_ER": "Not in the clinical reference: added to signpost services by region. Check the address "
    "and wording.",
}
