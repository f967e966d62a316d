"""Running panels and their people (OPCC staff and data admins), and the invited
person's link to choose a password."""

from django.urls import path

from . import views

urlpatterns = [
    path("manage/", views.panel_list, name="panel_list"),
    path("manage/new/", views.panel_create, name="panel_create"),
    path("manage/<slug:slug>/", views.panel_detail, name="panel_detail"),
    path("manage/<slug:slug>/edit/", views.panel_edit, name="panel_edit"),
    path("manage/<slug:slug>/invite/", views.member_invite, name="member_invite"),
    path(
        "manage/<slug:slug>/members/<int:pk>/",
        views.membership_edit,
        name="membership_edit",
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/pause/",
        views.membership_pause,
        name="membership_pause",
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/resume/",
        views.membership_resume,
        name="membership_resume",
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/end/",
        views.membership_end,
        name="membership_end",
    ),
    path(
        "manage/<slug:slug>/members/<int:pk>/invite-again/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitation/<uidb64>/<token>/",
        views.invitation_accept,
        name="invitation_accept",
    ),
]
