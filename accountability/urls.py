from django.urls import path

from .views import force, outcomes, questions, record, staff

app_name = "accountability"

urlpatterns = [
    path("", staff.index, name="index"),
    path("topics/add/", staff.topic_add, name="topic_add"),
    path("topics/<int:pk>/", staff.topic_detail, name="topic_detail"),
    path("topics/<int:pk>/welsh/", staff.topic_welsh, name="topic_welsh"),
    path("meetings/add/", staff.meeting_add, name="meeting_add"),
    path("meetings/<int:pk>/", staff.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/edit/", staff.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/move/", staff.meeting_move, name="meeting_move"),
    path("meetings/<int:pk>/reopen/", record.meeting_reopen, name="meeting_reopen"),
    path("meetings/<int:pk>/questions/add/", questions.question_add, name="question_add"),
    path("meetings/<int:pk>/send/", questions.questions_send, name="questions_send"),
    path("questions/<int:pk>/", questions.question_detail, name="question_detail"),
    path("questions/<int:pk>/edit/", questions.question_edit, name="question_edit"),
    path("questions/<int:pk>/remove/", questions.question_remove, name="question_remove"),
    path("questions/<int:pk>/summary/", questions.summary, name="summary"),
    path("meetings/<int:pk>/topics/<int:topic_pk>/decision/", outcomes.decision, name="decision"),
    path("meetings/<int:pk>/other-areas/add/", outcomes.other_area_add, name="other_area_add"),
    path("other-areas/<int:pk>/edit/", outcomes.other_area_edit, name="other_area_edit"),
    path("meetings/<int:pk>/actions/add/", outcomes.action_add, name="action_add"),
    path("actions/<int:pk>/edit/", outcomes.action_edit, name="action_edit"),
    path("actions/<int:pk>/status/", outcomes.action_status, name="action_status"),
    path("meetings/<int:pk>/follow-ups/add/", outcomes.follow_up_add, name="follow_up_add"),
    path("follow-ups/<int:pk>/edit/", record.follow_up_edit, name="follow_up_edit"),
    path("follow-ups/<int:pk>/remove/", record.follow_up_remove, name="follow_up_remove"),
    path("evidence/<int:pk>/", force.evidence_download, name="evidence_download"),
    path("force/questions/", force.force_questions, name="force_questions"),
    path("force/questions/<int:pk>/", force.answer, name="answer"),
    path("force/questions/<int:pk>/evidence/", force.evidence_add, name="evidence_add"),
]
