from django.urls import path

from . import public
from .accountability import open_data as notes_data
from .accountability import public as accountability
from .open_data import views as open_data

app_name = "public"

urlpatterns = [
    path("", public.report_list, name="report_list"),
    path("feed.atom", public.PublicationsFeed(), name="feed"),
    path("data/", public.data_dictionary, name="data_dictionary"),
    path("accountability/", accountability.accountability, name="accountability"),
    path("accountability/feed.atom", accountability.NotesFeed(), name="accountability_feed"),
    path(
        "accountability/open-data/datapackage.json",
        notes_data.datapackage,
        name="accountability_datapackage",
    ),
    path(
        "accountability/open-data/assurance-decisions.<slug:fmt>",
        notes_data.decisions,
        name="accountability_data",
    ),
    path("published-findings.<slug:fmt>", open_data.all_data, name="all_data"),
    path("open-data/datapackage.json", open_data.datapackage, name="datapackage"),
    path("open-data/<slug:name>.<slug:fmt>", open_data.table, name="open_data"),
    path("<slug:panel>/<slug:slug>/", public.report, name="report"),
    path("<slug:panel>/<slug:slug>/report.pdf", public.report_pdf, name="report_pdf"),
    path("<slug:panel>/<slug:slug>/figures.<slug:fmt>", public.report_data, name="report_data"),
    path("<slug:panel>/<slug:slug>/versions/<int:number>/", public.report, name="report_version"),
    path(
        "<slug:panel>/<slug:slug>/versions/<int:number>/report.pdf",
        public.report_pdf,
        name="report_version_pdf",
    ),
    # The first bilingual design put the language at the end (…/<report>/cy/): such
    # addresses, perhaps copied from a page or an e-mail, move for good to the prefixed ones.
    path(
        "<slug:panel>/<slug:slug>/<slug:language>/",
        public.report_in_language,
        name="report_language",
    ),
    path(
        "<slug:panel>/<slug:slug>/<slug:language>/report.pdf",
        public.report_in_language,
        {"pdf": True},
        name="report_language_pdf",
    ),
    path(
        "<slug:panel>/<slug:slug>/versions/<int:number>/<slug:language>/",
        public.report_in_language,
        name="report_version_language",
    ),
    path(
        "<slug:panel>/<slug:slug>/versions/<int:number>/<slug:language>/report.pdf",
        public.report_in_language,
        {"pdf": True},
        name="report_version_language_pdf",
    ),
]
