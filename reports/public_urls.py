from django.urls import path

from . import public

app_name = "public"

urlpatterns = [
    path("", public.report_list, name="report_list"),
    path("feed.atom", public.PublicationsFeed(), name="feed"),
    path("data/", public.data_dictionary, name="data_dictionary"),
    path("published-findings.<slug:fmt>", public.all_data, name="all_data"),
    path("<slug:panel>/<slug:slug>/", public.report, name="report"),
    path("<slug:panel>/<slug:slug>/report.pdf", public.report_pdf, name="report_pdf"),
    path("<slug:panel>/<slug:slug>/figures.<slug:fmt>", public.report_data, name="report_data"),
    path("<slug:panel>/<slug:slug>/versions/<int:number>/", public.report, name="report_version"),
    path(
        "<slug:panel>/<slug:slug>/versions/<int:number>/report.pdf",
        public.report_pdf,
        name="report_version_pdf",
    ),
]
