from django.urls import path

from . import views

urlpatterns: list = [
    path("<int:pk>/documents/add/", views.document_upload, name="document_upload"),
    path("<int:pk>/documents/<int:document_pk>/", views.document_detail, name="document_detail"),
    path(
        "<int:pk>/documents/<int:document_pk>/withdraw/",
        views.document_withdraw,
        name="document_withdraw",
    ),
    path(
        "<int:pk>/documents/<int:document_pk>/findings/<int:finding_pk>/",
        views.finding_decide,
        name="document_finding",
    ),
]
