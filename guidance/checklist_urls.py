from django.urls import path

from . import checklist_views

app_name = "checklist"
urlpatterns = [
    path("", checklist_views.checklist, name="checklist"),
    path("about/", checklist_views.about, name="about"),
    path("save/", checklist_views.save, name="save"),
    path("history/", checklist_views.history, name="history"),
    path("history/<int:pk>/", checklist_views.history_detail, name="history_detail"),
    path("history/<int:pk>/delete/", checklist_views.history_delete, name="history_delete"),
]
