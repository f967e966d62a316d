"""The accountability cast: Olu (OPCC staff) runs the scrutiny, Cleo holds the optional
Commissioner role, Lee is the liaison of the meeting's force (tests/conftest.py), Kim the
liaison of another force, Mina a panel member with no part in it."""

import datetime

import pytest
from django.utils import timezone

from accountability import services
from core.roles import StaffRole
from tests import factories

from .factories import QuestionFactory, ScrutinyMeetingFactory, TopicFactory


@pytest.fixture
def cleo(db):
    return factories.UserFactory(username="cleo", roles=[StaffRole.COMMISSIONER])


@pytest.fixture
def kim(db):
    return factories.ForceLiaisonFactory(user__username="kim").user


@pytest.fixture
def force(panel):
    return panel.force


@pytest.fixture
def topic(force):
    return TopicFactory(force=force, title="Use of out of court resolutions and Outcome 16")


@pytest.fixture
def scrutiny(force, topic):
    return ScrutinyMeetingFactory(force=force, topics=[topic])


@pytest.fixture
def question(scrutiny, topic):
    return QuestionFactory(meeting=scrutiny, topic=topic, number=1)


@pytest.fixture
def due():
    return timezone.localdate() + datetime.timedelta(days=14)


@pytest.fixture
def sent_question(question, olu, due):
    services.questions_send(meeting=question.meeting, by=olu, due_date=due)
    question.refresh_from_db()
    return question


@pytest.fixture
def answered(sent_question, lee):
    services.question_answer_save(question=sent_question, by=lee, text="The force's answer.")
    sent_question.refresh_from_db()
    return sent_question


@pytest.fixture
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "uploads"
