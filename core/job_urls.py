from django.urls import path

from . import job_views

app_name = "jobs"

urlpatterns = [
    path("<uuid:job_id>/", job_views.job_detail, name="detail"),
    path("<uuid:job_id>/try-again/", job_views.job_retry_view, name="retry"),
]
