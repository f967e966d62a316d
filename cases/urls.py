from django.urls import include, path

from . import views

app_name = "cases"
urlpatterns = [
    path("imports/", views.upload, name="upload"),
    path("imports/template.csv", views.import_template, name="import_template"),
    path("imports/<int:pk>/", views.batch_detail, name="batch_detail"),
    path("imports/<int:pk>/problems.csv", views.batch_problems, name="batch_problems"),
    path("imports/<int:pk>/confirm/", views.batch_confirm, name="batch_confirm"),
    path("imports/<int:pk>/abandon/", views.batch_abandon, name="batch_abandon"),
    path("imports/<int:pk>/findings/redact-all/", views.findings_redact_all, name="redact_all"),
    path(
        "imports/<int:pk>/findings/<int:finding_pk>/",
        views.finding_resolve,
        name="finding_resolve",
    ),
    path("", include("cases.browse_urls")),
    path("", include("cases.documents.urls")),
    path("", include("cases.kinds.urls")),
]
