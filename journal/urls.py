from django.urls import path

from . import psfs_views, reminder_views, views

app_name = "journal"
urlpatterns = [
    path("", views.index, name="index"),
    path("quick/", views.quick_log, name="quick_log"),
    path("entries/new/", views.entry_new, name="entry_new"),
    path("entries/restore/", views.entry_restore, name="entry_restore"),
    path("entries/<int:pk>/", views.entry_detail, name="entry"),
    path("entries/<int:pk>/edit/", views.entry_edit, name="entry_edit"),
    path("entries/<int:pk>/delete/", views.entry_delete, name="entry_delete"),
    path("prompts/<str:key>/dismiss/", views.dismiss_prompt, name="dismiss_prompt"),
    path("workouts/", views.workout_list, name="workouts"),
    path("workouts/new/", views.workout_new, name="workout_new"),
    path("workouts/<int:pk>/", views.workout_detail, name="workout"),
    path("workouts/<int:pk>/edit/", views.workout_edit, name="workout_edit"),
    path("workouts/<int:pk>/delete/", views.workout_delete, name="workout_delete"),
    path(
        "workouts/<int:pk>/next-morning/", views.workout_next_morning, name="workout_next_morning"
    ),
    path("trends/", views.trends, name="trends"),
    path("triggers/", views.triggers, name="triggers"),
    path("summary/", views.summary, name="summary"),
    path("export/", views.export_page, name="export"),
    path("export/journal.json", views.export_json, name="export_json"),
    path("export/entries.csv", views.export_entries_csv, name="export_entries_csv"),
    path("export/workouts.csv", views.export_workouts_csv, name="export_workouts_csv"),
]

# Reminders, calendar feed and PSFS (issue 14).
urlpatterns += [
    path("reminders/", reminder_views.reminder_settings, name="reminders"),
    path("reminders/feed/", reminder_views.feed_reset, name="feed_reset"),
    path("reminders/feed/off/", reminder_views.feed_off, name="feed_off"),
    path(
        "reminders/unsubscribe/<str:token>/",
        reminder_views.unsubscribe,
        name="reminders_unsubscribe",
    ),
    path("calendar/<str:token>.ics", reminder_views.feed, name="calendar_feed"),
    path("psfs/", psfs_views.psfs_page, name="psfs"),
    path("psfs/rate/", psfs_views.rate, name="psfs_rate"),
    path("psfs/activities/", psfs_views.activity_add, name="psfs_activity_add"),
    path(
        "psfs/activities/<int:pk>/retire/",
        psfs_views.activity_retire,
        name="psfs_activity_retire",
    ),
]
