from django.urls import path

from . import exercise_views

app_name = "exercises"
urlpatterns = [
    path("", exercise_views.exercise_list, name="list"),
]
