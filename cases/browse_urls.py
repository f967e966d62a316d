from django.urls import path

from . import browse_views

urlpatterns: list = [
    path("", browse_views.case_list, name="case_list"),
    path("<int:pk>/", browse_views.case_detail, name="case_detail"),
    path("batches/", browse_views.batch_list, name="batch_list"),
]
