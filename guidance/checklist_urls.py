from django.urls import path

from . import checklist_views

app_name = "checklist"
urlpatterns = [
    path("", checklist_views.checklist, name="checklist"),
]
