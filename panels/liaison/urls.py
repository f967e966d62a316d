"""The force liaison's pages and OPCC staff's review of the force's responses."""

from django.urls import path

from . import people_views, views

urlpatterns = [
    path("force/actions/", views.force_action_list, name="force_action_list"),
    path("force/actions/<int:pk>/", views.force_action, name="force_action"),
    path("force/actions/<int:pk>/respond/", views.force_action_answer, name="force_action_answer"),
    path("force/responses/<int:pk>/review/", views.response_review, name="response_review"),
    path("force/responses/<int:pk>/welsh/", views.response_welsh, name="response_welsh"),
    path("force/responses/<int:pk>/withdraw/", views.response_withdraw, name="response_withdraw"),
    path("force/evidence/<int:pk>/", views.evidence_download, name="response_evidence"),
    path("force/<int:pk>/feedback/", views.force_feedback, name="force_feedback"),
    path(
        "force/<int:pk>/feedback.<slug:fmt>",
        views.force_feedback_download,
        name="force_feedback_download",
    ),
    path("force/liaisons/", people_views.liaison_list, name="liaison_list"),
    path("force/liaisons/invite/", people_views.liaison_invite, name="liaison_invite"),
    path("force/liaisons/<int:pk>/end/", people_views.liaison_end, name="liaison_end"),
]
