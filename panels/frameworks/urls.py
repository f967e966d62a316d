from django.urls import path

from . import views

urlpatterns: list = [
    path("frameworks/", views.framework_list, name="framework_list"),
    path("frameworks/new/", views.framework_create, name="framework_create"),
    path("frameworks/<int:pk>/", views.framework_detail, name="framework_detail"),
    path("frameworks/<int:pk>/edit/", views.framework_edit, name="framework_edit"),
    path("frameworks/<int:pk>/themes/", views.framework_themes, name="framework_themes"),
    path("frameworks/<int:pk>/<slug:kind>/add/", views.part_add, name="part_add"),
    path("frameworks/<int:pk>/<slug:kind>/<int:part_pk>/", views.part_edit, name="part_edit"),
    path(
        "frameworks/<int:pk>/<slug:kind>/<int:part_pk>/delete/",
        views.part_delete,
        name="part_delete",
    ),
    path(
        "frameworks/<int:pk>/<slug:kind>/<int:part_pk>/move/<slug:direction>/",
        views.part_move,
        name="part_move",
    ),
]
