from django.urls import path

from . import criteria_views, views
from .accountability import views as notes_views
from .display import views as display_views
from .force_figures import views as figure_views
from .support import views as support_views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("support-services/", support_views.support_service_list, name="support_service_list"),
    path("support-services/new/", support_views.support_service_edit, name="support_service_new"),
    path(
        "support-services/<int:pk>/",
        support_views.support_service_edit,
        name="support_service_edit",
    ),
    path(
        "support-services/<int:pk>/remove/",
        support_views.support_service_remove,
        name="support_service_remove",
    ),
    path("periods/new/", views.period_new, name="period_new"),
    path("force-figures/", figure_views.force_figure_list, name="force_figure_list"),
    path("force-figures/new/", figure_views.force_figure_edit, name="force_figure_add"),
    path("force-figures/import/", figure_views.force_figure_import, name="force_figure_import"),
    path("force-figures/<int:pk>/", figure_views.force_figure_edit, name="force_figure_edit"),
    path("<int:pk>/figures/", display_views.report_figures, name="report_figures"),
    path("meetings/<int:meeting_pk>/new/", views.report_generate, name="report_generate"),
    path(
        "scrutiny-meetings/<int:meeting_pk>/notes/new/",
        notes_views.notes_generate,
        name="notes_generate",
    ),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/preview/", views.report_preview, name="report_preview"),
    path("<int:pk>/preview.pdf", views.report_preview_pdf, name="report_preview_pdf"),
    path("<int:pk>/title/", views.report_title, name="report_title"),
    path("<int:pk>/sections/<slug:key>/", views.section_edit, name="section_edit"),
    path("<int:pk>/reasons/<int:category_pk>/", views.reasons, name="reasons"),
    path(
        "<int:pk>/reasons/<int:category_pk>/bullets/<int:bullet_pk>/",
        views.reasons,
        name="bullet_edit",
    ),
    path(
        "<int:pk>/reasons/<int:category_pk>/bullets/<int:bullet_pk>/remove/",
        views.bullet_remove,
        name="bullet_remove",
    ),
    path("<int:pk>/criteria/", criteria_views.report_criteria, name="report_criteria"),
    path("<int:pk>/move/<slug:move>/", views.report_move, name="report_move"),
    path(
        "<int:pk>/disclosure/<str:fingerprint>/",
        views.disclosure_accept,
        name="disclosure_accept",
    ),
]
