from django.urls import path

from . import exercise_views

app_name = "exercises"
urlpatterns = [
    path("", exercise_views.exercise_list, name="list"),
    path("path/", exercise_views.path_page, name="path"),
    path("why-lifting-hurts/", exercise_views.why_lifting_hurts, name="why_lifting_hurts"),
    path("routine/", exercise_views.routine, name="routine"),
    path("routine/add/", exercise_views.routine_add, name="routine_add"),
    path("routine/<int:item_id>/remove/", exercise_views.routine_remove, name="routine_remove"),
    path("routine/<int:item_id>/move/", exercise_views.routine_move, name="routine_move"),
    path("routine/<int:item_id>/notes/", exercise_views.routine_notes, name="routine_notes"),
    path("<slug:slug>/", exercise_views.exercise_detail, name="detail"),
]
