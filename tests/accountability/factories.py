"""Factories for the accountability rows: real rows in the test database."""

import datetime

import factory
from django.utils import timezone

from accountability.models import Question, QuestionAnswer, ScrutinyMeeting, Topic
from tests.factories import ForceFactory, UserFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    force = factory.SubFactory(ForceFactory)
    title = factory.Sequence(lambda n: f"Use of out of court resolutions {n}")


class ScrutinyMeetingFactory(factory.django.DjangoModelFactory):
    """A meeting a month ahead, so questions can be sent today with a due date before it."""

    class Meta:
        model = ScrutinyMeeting
        skip_postgeneration_save = True

    force = factory.SubFactory(ForceFactory)
    date = factory.Sequence(lambda n: timezone.localdate() + datetime.timedelta(days=30 + n % 200))
    theme = "Tackling offending and reoffending"

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    meeting = factory.SubFactory(ScrutinyMeetingFactory)
    topic = factory.SubFactory(TopicFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "What are the main barriers encountered by the Force in issuing OoCRs?"


class QuestionAnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuestionAnswer

    question = factory.SubFactory(QuestionFactory)
    text = "A significant proportion of crime is classified as serious violence."
    submitted_by = factory.SubFactory(UserFactory)
    submitted_at = factory.LazyFunction(timezone.now)
