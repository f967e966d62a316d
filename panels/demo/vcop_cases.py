"""The Victims' Code meeting's cases (17 September 2025), as Victims' Code case records:
what the police, the CPS, the courts and witness care, and probation each recorded.

The decisions mirror the published findings (four fully compliant, two partially
compliant); every fact is invented.
"""

import datetime

from .specs import KindCaseSpec

D = datetime.date
VCOP = "vcop"

# What every case here shares: reported and recorded the same day, told how to complain.
_REPORTED_WELL = {
    "is_hate_crime": False,
    "enhanced_rights": True,
    "victim_under_18": False,
    "communication_needs": "none",
    "needs_assessment": True,
    "referred_to_support": "referred",
    "compensation_info": True,
    "updates_agreed": True,
    "charge_decision_told": True,
    "vps_offered": True,
    "property_returned": "none_taken",
    "complaint_info": True,
    "complaint_made": False,
    "charging_decision": "charged",
    "witness_care_contact": True,
    "expenses_info": True,
}
# Rights a case gave no occasion for: no custodial sentence of 12 months or more.
_NO_CONTACT_SCHEME = {"offender-information": "not_applicable"}


def _values(**own) -> dict:
    return {**_REPORTED_WELL, **own}


VCOP_SEPTEMBER_CASES = [
    KindCaseSpec(
        "DS-24-1102",
        VCOP,
        "Stalking",
        D(2025, 5, 12),
        "The defendant was charged with stalking and convicted after trial. The victim was "
        "kept informed at each stage, offered special measures and a pre-trial visit, and "
        "gave a Victim Personal Statement.",
        _values(
            offence="Stalking",
            is_domestic_abuse=True,
            reported_date="2024-08-02",
            recorded_date="2024-08-02",
            leaflet_given=True,
            referral_date="2024-08-05",
            updates_in_time="all",
            vps_made=True,
            police_contact="Contact every two weeks by telephone, as agreed with the victim, "
            "and within a day of each key decision: arrest, bail conditions and charge.",
            charge_altered=False,
            vcl_letter="not_required",
            prosecutor_spoke=True,
            plea="not_guilty",
            witness_needs_assessment=True,
            special_measures="granted",
            pre_trial_visit=True,
            hearing_dates_told=True,
            met_at_court=True,
            outcome="convicted_trial",
            sentence="Suspended sentence of 18 weeks with a restraining order",
            vps_at_sentencing="read_by_victim",
            outcome_told="in_time",
            appeal_lodged=False,
            witness_care_contact_log="Needs assessment after the not guilty plea. A screen "
            "was granted; the victim visited the court before the trial and was met by the "
            "Witness Service on the day.",
            vcs_eligible=False,
        ),
        decision="fully-compliant",
        reasons="Information about the trial process was fully explained and the victim was "
        "notified about key decisions throughout.",
        themes=["good-practice"],
        assessments=_NO_CONTACT_SCHEME,
    ),
    KindCaseSpec(
        "DS-24-1117",
        VCOP,
        "Harassment without violence",
        D(2025, 5, 30),
        "Charged with harassment; guilty plea at first hearing. The victim was referred to "
        "the victim care unit on the day of reporting; support was reviewed regularly.",
        _values(
            offence="Harassment without violence",
            is_domestic_abuse=False,
            enhanced_rights=False,
            reported_date="2024-09-14",
            recorded_date="2024-09-14",
            leaflet_given=True,
            referral_date="2024-09-14",
            updates_in_time="all",
            vps_made=True,
            police_contact="The victim care unit reviewed the support plan monthly and "
            "updated the victim within five working days of each decision.",
            charge_altered=False,
            vcl_letter="not_required",
            plea="guilty_first",
            special_measures="not_needed",
            hearing_dates_told=True,
            outcome="convicted_plea",
            sentence="Community order with a restraining order",
            vps_at_sentencing="read_by_prosecutor",
            outcome_told="in_time",
            appeal_lodged=False,
            vcs_eligible=False,
        ),
        decision="fully-compliant",
        reasons="Referral to support services was prompt and regularly reviewed.",
        themes=["good-practice"],
        assessments={**_NO_CONTACT_SCHEME, "trial-information": "not_applicable"},
    ),
    KindCaseSpec(
        "DS-24-1125",
        VCOP,
        "Stalking",
        D(2025, 6, 4),
        "Charged with stalking; convicted. Special measures were explained and used at trial.",
        _values(
            offence="Stalking",
            is_domestic_abuse=True,
            reported_date="2024-07-22",
            recorded_date="2024-07-22",
            leaflet_given=True,
            referral_date="2024-07-23",
            updates_in_time="all",
            vps_made=True,
            police_contact="Updates within a day of each key decision; the stalking "
            "advocate was copied in with the victim's agreement.",
            charge_altered=False,
            vcl_letter="not_required",
            prosecutor_spoke=True,
            plea="not_guilty",
            witness_needs_assessment=True,
            special_measures="granted",
            pre_trial_visit=True,
            hearing_dates_told=True,
            met_at_court=True,
            outcome="convicted_trial",
            sentence="Two years' custody with a restraining order",
            vps_at_sentencing="read_by_prosecutor",
            outcome_told="in_time",
            appeal_lodged=False,
            witness_care_contact_log="Evidence given by live link from another building, "
            "as the victim asked. The option of a pre-trial visit was taken up.",
            vcs_eligible=True,
            vcs_offered=True,
            vcs_in_time=True,
            licence_representations=True,
            victim_liaison_contact="A victim liaison officer explained the scheme and took "
            "the victim's views on licence conditions, including an exclusion zone.",
        ),
        decision="fully-compliant",
        reasons="Special measures were explained and considered, with the option of a "
        "pre-trial visit.",
        themes=["good-practice"],
    ),
    KindCaseSpec(
        "DS-24-1139",
        VCOP,
        "Harassment without violence",
        D(2025, 6, 19),
        "Charged with harassment; convicted. The victim was updated after each hearing.",
        _values(
            offence="Harassment without violence",
            is_domestic_abuse=False,
            enhanced_rights=False,
            reported_date="2024-10-03",
            recorded_date="2024-10-04",
            leaflet_given=True,
            referral_date="2024-10-04",
            updates_in_time="all",
            vps_made=False,
            charge_altered=False,
            vcl_letter="not_required",
            plea="not_guilty",
            witness_needs_assessment=True,
            special_measures="not_needed",
            pre_trial_visit=True,
            hearing_dates_told=True,
            met_at_court=True,
            outcome="convicted_trial",
            sentence="Fine and a restraining order",
            vps_at_sentencing="not_used",
            outcome_told="in_time",
            appeal_lodged=True,
            appeal_told=True,
            witness_care_contact_log="The defendant appealed against conviction; witness "
            "care told the victim the same day and again when the appeal was dismissed.",
            vcs_eligible=False,
        ),
        decision="fully-compliant",
        reasons="The victim was kept informed about the outcome and any appeals.",
        assessments=_NO_CONTACT_SCHEME,
    ),
    KindCaseSpec(
        "DS-24-1144",
        VCOP,
        "Stalking",
        D(2025, 6, 25),
        "Charged with stalking; convicted. The record shows updates after charge but not "
        "after the decision to change the charge, and does not show whether the victim's "
        "information booklet was given.",
        _values(
            offence="Stalking",
            is_domestic_abuse=True,
            reported_date="2024-09-01",
            recorded_date="2024-09-01",
            referral_date="2024-09-03",
            updates_in_time="some",
            vps_made=True,
            police_contact="Updates recorded after arrest and after charge. No contact is "
            "recorded after the charge was changed.",
            charge_altered=True,
            vcl_letter="not_sent",
            cps_contact="The charge was reduced to harassment before the plea hearing. No "
            "letter to the victim explaining the change is on the file.",
            plea="guilty_later",
            special_measures="not_needed",
            hearing_dates_told=True,
            outcome="convicted_plea",
            sentence="Community order with a restraining order",
            vps_at_sentencing="read_by_prosecutor",
            outcome_told="in_time",
            appeal_lodged=False,
            vcs_eligible=False,
        ),
        decision="partially-compliant",
        reasons="The panel could not be assured that the victim received all updates after key "
        "decisions, and it could not be determined whether the victim's booklet was provided.",
        themes=["victim-not-updated", "victim-leaflet-not-recorded"],
        dissent={"chris": "non-compliant"},
        assessments={
            **_NO_CONTACT_SCHEME,
            "investigation-information": "partly_met",
            "outcome-information": "met",
            "information-when-reporting": "not_recorded",
        },
    ),
    KindCaseSpec(
        "DS-24-1158",
        VCOP,
        "Harassment without violence",
        D(2025, 7, 2),
        "Charged with harassment; guilty plea. The record does not show whether the victim's "
        "information booklet was given.",
        _values(
            offence="Harassment without violence",
            is_domestic_abuse=False,
            enhanced_rights=False,
            reported_date="2024-11-11",
            recorded_date="2024-11-11",
            referral_date="2024-11-12",
            updates_in_time="all",
            vps_made=True,
            charge_altered=False,
            vcl_letter="not_required",
            plea="guilty_first",
            special_measures="not_needed",
            hearing_dates_told=True,
            outcome="convicted_plea",
            sentence="Conditional discharge with a restraining order",
            vps_at_sentencing="considered",
            outcome_told="in_time",
            appeal_lodged=False,
            vcs_eligible=False,
        ),
        decision="partially-compliant",
        reasons="It could not be determined whether the victim's booklet was provided.",
        themes=["victim-leaflet-not-recorded"],
        assessments={
            **_NO_CONTACT_SCHEME,
            "trial-information": "not_applicable",
            "information-when-reporting": "not_recorded",
        },
    ),
]
