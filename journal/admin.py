from django.contrib import admin

from .models import DismissedPrompt, Entry, EntryTag, Workout, WorkoutExercise


class EntryTagInline(admin.TabularInline):
    model = EntryTag
    extra = 0


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["occurred_at", "user", "pain"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    inlines = [EntryTagInline]


class WorkoutExerciseInline(admin.TabularInline):
    model = WorkoutExercise
    extra = 0
    raw_id_fields = ["exercise"]


@admin.register(Workout)
class WorkoutAdmin(admin.ModelAdmin):
    list_display = ["started_at", "user", "pain_before", "pain_after", "pain_next_morning"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    inlines = [WorkoutExerciseInline]


@admin.register(DismissedPrompt)
class DismissedPromptAdmin(admin.ModelAdmin):
    list_display = ["key", "user", "dismissed_at"]
    raw_id_fields = ["user"]
