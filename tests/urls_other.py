"""A second URL configuration, for tests/test_cached_url.py."""

from django.http import HttpResponse
from django.urls import include, path

public = ([path("elsewhere/", lambda request: HttpResponse(), name="report_list")], "public")
urlpatterns = [path("", include(public))]
