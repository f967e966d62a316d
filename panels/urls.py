from django.urls import include, path

from .meetings.views import actions, decisions, exports, meeting
from .rating import document_views
from .rating import views as rating
from .sampling import views as sampling

app_name = "panels"
urlpatterns = [
    path("meetings/", meeting.meeting_list, name="meeting_list"),
    path("meetings/<int:pk>/", meeting.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/cases/<int:position>/", rating.case_papers, name="case_papers"),
    path("meetings/<int:pk>/cases/<int:position>/rating/", rating.rating_save, name="rating_save"),
    path(
        "meetings/<int:pk>/cases/<int:position>/comment/",
        rating.comment_save,
        name="comment_save",
    ),
    path(
        "meetings/<int:pk>/cases/<int:position>/documents/<int:document_pk>/",
        document_views.case_document,
        name="case_document",
    ),
    path(
        "meetings/<int:pk>/cases/<int:position>/conflict/",
        rating.conflict_declare,
        name="conflict_declare",
    ),
    path(
        "meetings/<int:pk>/conflicts/<int:declaration_pk>/withdraw/",
        rating.conflict_withdraw,
        name="conflict_withdraw",
    ),
    path("meetings/new/", meeting.meeting_plan, name="meeting_plan"),
    path("meetings/<int:pk>/edit/", meeting.meeting_edit, name="meeting_edit"),
    path("meetings/<int:pk>/move/<str:to>/", meeting.meeting_move, name="meeting_move"),
    path("meetings/<int:pk>/discussion/", decisions.discussion, name="discussion"),
    path(
        "meetings/<int:pk>/cases/<int:position>/decision/",
        decisions.decision,
        name="decision",
    ),
    path("meetings/<int:pk>/attendance/", decisions.attendance, name="attendance"),
    path("meetings/<int:pk>/notes/add/", decisions.observation_add, name="observation_add"),
    path(
        "meetings/<int:pk>/notes/<int:note_pk>/",
        decisions.observation_edit,
        name="observation_edit",
    ),
    path("meetings/<int:pk>/actions/add/", actions.action_add, name="action_add"),
    path(
        "meetings/<int:pk>/export/<slug:table>.<slug:fmt>",
        exports.meeting_export,
        name="meeting_export",
    ),
    path("panels/<slug:slug>/over-time/", exports.panel_over_time, name="panel_over_time"),
    path("actions/", actions.action_list, name="action_list"),
    path("actions/<int:pk>/", actions.action_edit, name="action_edit"),
    path("meetings/<int:pk>/draw/", sampling.sample_draw, name="sample_draw"),
    path("meetings/<int:pk>/agenda/add/", sampling.agenda_add, name="agenda_add"),
    path("", include("panels.liaison.urls")),
    path("", include("panels.people.urls")),
    path("", include("panels.frameworks.urls")),
]
