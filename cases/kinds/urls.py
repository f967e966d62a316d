from django.urls import path

from . import views

urlpatterns: list = [
    path("kinds/", views.kind_list, name="kind_list"),
    path("kinds/new/", views.kind_create, name="kind_create"),
    path("kinds/<int:pk>/", views.kind_detail, name="kind_detail"),
    path("kinds/<int:pk>/dictionary.csv", views.kind_dictionary, name="kind_dictionary"),
    path("kinds/<int:pk>/update/", views.kind_update, name="kind_update"),
]
