from django.urls import path

from . import views

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
    path("meetings/<int:pk>/draw/", views.sample_draw, name="sample_draw"),
    path("meetings/<int:pk>/agenda/add/", views.agenda_add, name="agenda_add"),
]
