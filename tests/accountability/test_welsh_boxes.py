"""The Welsh boxes beside the English ones on the pages where OPCC staff write what the
published notes show: saving keeps both, a post without the Welsh box leaves the Welsh, a
page read in Welsh still saves the English as English, and the Welsh of a text whose English
is final (a question sent to the force, a topic's title) has a page of its own."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from accountability import services
from accountability.models import (
    EvidenceSummary,
    FollowUp,
    OtherArea,
    ScrutinyAction,
    ScrutinyMeeting,
    Topic,
    TopicDecision,
)

from .pages import date_fields, error_page, signed_out_goes_to_sign_in, status_for

pytestmark = pytest.mark.django_db


def topic_welsh(topic) -> str:
    return reverse("accountability:topic_welsh", args=[topic.pk])


def question_edit(question) -> str:
    return reverse("accountability:question_edit", args=[question.pk])


def test_the_summary_page_saves_the_english_and_the_welsh(client, olu, answered):
    client.force_login(olu)
    data = {"text": "The force set out its plans.", "text_cy": "Nododd yr heddlu ei gynlluniau."}

    response = client.post(
        reverse("accountability:summary", args=[answered.pk]), data | {"version": 0}
    )

    assert response.status_code == 302
    summary = EvidenceSummary.objects.get()
    assert (summary.text_en, summary.text_cy) == (data["text"], data["text_cy"])


def test_a_page_read_in_welsh_saves_the_english_box_as_english(client, olu, welsh, answered):
    client.force_login(olu)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    data = {"text": "In English.", "text_cy": "Yn Gymraeg.", "version": 0}

    page = client.get(reverse("accountability:summary", args=[answered.pk])).content.decode()
    client.post(reverse("accountability:summary", args=[answered.pk]), data)

    assert 'lang="cy"' in page
    summary = EvidenceSummary.objects.get()
    assert (summary.text_en, summary.text_cy) == ("In English.", "Yn Gymraeg.")


def test_the_decision_page_saves_the_welsh_rationale(client, cleo, answered, topic):
    client.force_login(cleo)
    data = {
        "level": "assured",
        "rationale": "Plans are in place.",
        "rationale_cy": "Mae cynlluniau ar waith.",
        "version": 0,
    }

    client.post(reverse("accountability:decision", args=[answered.meeting_id, topic.pk]), data)

    decision = TopicDecision.objects.get()
    assert (decision.rationale_en, decision.rationale_cy) == (
        "Plans are in place.",
        "Mae cynlluniau ar waith.",
    )


def test_an_other_area_keeps_its_welsh_when_a_post_leaves_the_welsh_out(client, olu, scrutiny):
    client.force_login(olu)
    add = reverse("accountability:other_area_add", args=[scrutiny.pk])
    client.post(
        add,
        {
            "heading": "The V100 pilot",
            "heading_cy": "Cynllun peilot V100",
            "text": "Covert tactics.",
            "text_cy": "Tactegau cudd.",
            "version": 0,
        },
    )
    area = OtherArea.objects.get()

    edit = reverse("accountability:other_area_edit", args=[area.pk])
    client.post(edit, {"heading": "The V100 pilot in Cleveland", "text": "", "version": 1})

    area.refresh_from_db()
    assert (area.heading_en, area.heading_cy, area.text_en, area.text_cy) == (
        "The V100 pilot in Cleveland",
        "Cynllun peilot V100",
        "",
        "Tactegau cudd.",
    )


def test_the_action_page_saves_the_welsh_wording(client, olu, scrutiny):
    client.force_login(olu)
    data = {
        "description": "A communications plan.",
        "description_cy": "Cynllun cyfathrebu.",
        "owner": "The force",
        "owner_cy": "Yr heddlu",
    }

    client.post(reverse("accountability:action_add", args=[scrutiny.pk]), data)

    action = ScrutinyAction.objects.get().action
    assert (action.description_en, action.description_cy, action.owner_en, action.owner_cy) == (
        "A communications plan.",
        "Cynllun cyfathrebu.",
        "The force",
        "Yr heddlu",
    )


def test_an_action_changed_in_welsh_meanwhile_is_refused_with_409(client, olu, scrutiny):
    link = services.scrutiny_action_save(
        meeting=scrutiny, by=olu, description="A plan.", owner="The force"
    )
    client.force_login(olu)
    edit = reverse("accountability:action_edit", args=[link.pk])
    seen = services.action_fingerprint(link.action)
    data = {"description": "A plan.", "owner": "The force", "seen": seen}
    client.post(edit, data | {"description_cy": "Cynllun."})

    response = client.post(edit, data | {"description_cy": "Cynllun arall."})

    assert response.status_code == 409
    link.action.refresh_from_db()
    assert link.action.description_cy == "Cynllun."


def test_the_follow_up_page_saves_the_welsh(client, olu, scrutiny, topic):
    client.force_login(olu)
    due = scrutiny.date + datetime.timedelta(days=182)
    data = {
        "topic": topic.pk,
        "text": "A further update",
        "text_cy": "Diweddariad pellach",
        **date_fields("due_date", due),
    }

    client.post(reverse("accountability:follow_up_add", args=[scrutiny.pk]), data)

    assert FollowUp.objects.get().text_cy == "Diweddariad pellach"


def test_the_meeting_page_saves_the_welsh_theme(client, olu, scrutiny, topic):
    client.force_login(olu)
    data = {
        "theme": "Reoffending",
        "theme_cy": "Aildroseddu",
        "topics": [topic.pk],
        "version": scrutiny.version,
        **date_fields("date", scrutiny.date),
    }

    client.post(reverse("accountability:meeting_edit", args=[scrutiny.pk]), data)

    meeting = ScrutinyMeeting.objects.get()
    assert (meeting.theme_en, meeting.theme_cy) == ("Reoffending", "Aildroseddu")


def test_a_draft_question_saves_its_welsh(client, olu, scrutiny, topic):
    client.force_login(olu)
    data = {"topic": topic.pk, "text": "What barriers?", "text_cy": "Pa rwystrau?"}

    client.post(reverse("accountability:question_add", args=[scrutiny.pk]), data)

    question = scrutiny.questions.get()
    assert (question.text_en, question.text_cy) == ("What barriers?", "Pa rwystrau?")


def test_the_welsh_of_a_sent_question_changed_from_an_old_page_answers_409(
    client, olu, sent_question
):
    client.force_login(olu)
    data = {"text_cy": "Pa rwystrau?", "version": sent_question.version}
    client.post(question_edit(sent_question), data)

    response = client.post(question_edit(sent_question), data | {"text_cy": "Fy rhai i"})

    assert response.status_code == 409
    sent_question.refresh_from_db()
    assert sent_question.text_cy == "Pa rwystrau?"


def test_the_welsh_of_a_question_cannot_change_once_the_meeting_closed(client, olu, sent_question):
    ScrutinyMeeting.objects.filter(pk=sent_question.meeting_id).update(status="closed")
    client.force_login(olu)
    data = {"text_cy": "Pa rwystrau?", "version": sent_question.version}

    response = client.post(question_edit(sent_question), data)

    error_page(response, "This meeting is closed, so its record cannot change.")
    sent_question.refresh_from_db()
    assert sent_question.text_cy is None


def test_a_new_topic_takes_its_welsh_title(client, olu, force):
    client.force_login(olu)
    data = {"title": "Stop and search", "title_cy": "Stopio a chwilio", "force": force.pk}

    client.post(reverse("accountability:topic_add"), data)

    assert Topic.objects.get(title="Stop and search").title_cy == "Stopio a chwilio"


def test_the_welsh_title_page_is_for_opcc_staff_only(client, request, topic):
    signed_out_goes_to_sign_in(client, topic_welsh(topic))
    for who in ["lee", "mina", "cleo", "eve"]:
        user = request.getfixturevalue(who)
        assert status_for(client, user, topic_welsh(topic)) == 403
        data = {"title_cy": "Teitl", "version": topic.version}
        assert status_for(client, user, topic_welsh(topic), "post", data) == 403
    topic.refresh_from_db()
    assert topic.title_cy is None


def test_opcc_staff_add_a_topics_welsh_title_keeping_its_english(client, olu, topic):
    client.force_login(olu)

    response = client.post(topic_welsh(topic), {"title_cy": "Datrysiadau", "version": 1})

    assert response["Location"] == reverse("accountability:topic_detail", args=[topic.pk])
    topic.refresh_from_db()
    assert (topic.title_en, topic.title_cy) == (
        "Use of out of court resolutions and Outcome 16",
        "Datrysiadau",
    )


def test_two_topics_of_a_force_cannot_share_a_welsh_title(client, olu, topic, force):
    Topic.objects.create(force=force, title="Stop and search", title_cy="Datrysiadau")
    client.force_login(olu)

    response = client.post(topic_welsh(topic), {"title_cy": "datrysiadau", "version": 1})

    error_page(response, "There is already a topic with this Welsh title")
    topic.refresh_from_db()
    assert topic.title_cy is None


def test_staff_and_liaison_pages_read_in_welsh_give_a_topics_welsh_or_mark_its_english(
    client, olu, lee, sent_question, topic, welsh
):
    client.cookies["django_language"] = "cy"
    english = '<span lang="en-GB">Use of out of court resolutions and Outcome 16</span>'
    client.force_login(lee)
    answer = reverse("accountability:answer", args=[sent_question.pk])
    assert english in client.get(answer).content.decode()

    topic.title_cy = "Defnyddio datrysiadau y tu allan i'r llys a Chanlyniad 16"
    topic.save()
    page = client.get(answer).content.decode()
    assert "Defnyddio datrysiadau y tu allan i&#x27;r llys a Chanlyniad 16" in page
    assert "Use of out of court resolutions" not in page
    client.force_login(olu)
    meeting = reverse("accountability:meeting_detail", args=[sent_question.meeting.pk])
    assert "Use of out of court resolutions" not in client.get(meeting).content.decode()
