from django.urls import include, path

from . import meeting_views, views

app_name = "panels"
urlpatterns = [
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/cases/<int:position>/", views.case_papers, name="case_papers"),
    path(
        "meetings/<int:pk>/cases/<int:position>/conflict/",
        views.conflict_declare,
        name="conflict_declare",
    ),
    path(
        "meetings/<int:pk>/conflicts/<int:declaration_pk>/withdraw/",
        views.conflict_withdraw,
        name="conflict_withdraw",
    ),
    path("meetings/new/", meeting_views.meeting_plan, name="meeting_plan"),
    path("meetings/<int:pk>/edit/", meeting_views.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/move/<str:to>/", meeting_views.meeting_move, name="meeting_move"),
    path("meetings/<int:pk>/discussion/", meeting_views.discussion, name="discussion"),
    path(
        "meetings/<int:pk>/cases/<int:position>/decision/",
        meeting_views.decision,
        name="decision",
    ),
    path("meetings/<int:pk>/attendance/", meeting_views.attendance, name="attendance"),
    path("meetings/<int:pk>/notes/add/", meeting_views.observation_add, name="observation_add"),
    path(
        "meetings/<int:pk>/notes/<int:note_pk>/",
        meeting_views.observation_edit,
        name="observation_edit",
    ),
    path("meetings/<int:pk>/actions/add/", meeting_views.action_add, name="action_add"),
    path(
        "meetings/<int:pk>/export/<slug:table>.<slug:fmt>",
        meeting_views.meeting_export,
        name="meeting_export",
    ),
    path("panels/<slug:slug>/over-time/", meeting_views.panel_over_time, name="panel_over_time"),
    path("actions/", meeting_views.action_list, name="action_list"),
    path("actions/<int:pk>/", meeting_views.action_edit, name="action_edit"),
    path("meetings/<int:pk>/draw/", views.sample_draw, name="sample_draw"),
    path("meetings/<int:pk>/agenda/add/", views.agenda_add, name="agenda_add"),
    path("", include("panels.people_urls")),
    path("", include("panels.framework_urls")),
]
