from django.contrib import admin

from backpain.admin import HealthDataAdminMixin

from .models import DismissedPrompt, Entry, EntryTag, Workout, WorkoutExercise


class EntryTagInline(HealthDataAdminMixin, admin.TabularInline):
    model = EntryTag
    extra = 0


@admin.register(Entry)
class EntryAdmin(HealthDataAdminMixin, admin.ModelAdmin):
    list_display = ["occurred_at", "user", "pain"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    inlines = [EntryTagInline]


class WorkoutExerciseInline(HealthDataAdminMixin, admin.TabularInline):
    model = WorkoutExercise
    extra = 0
    raw_id_fields = ["exercise"]


@admin.register(Workout)
class WorkoutAdmin(HealthDataAdminMixin, admin.ModelAdmin):
    list_display = ["started_at", "user", "pain_before", "pain_after", "pain_next_morning"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    inlines = [WorkoutExerciseInline]


@admin.register(DismissedPrompt)
class DismissedPromptAdmin(HealthDataAdminMixin, admin.ModelAdmin):
    list_display = ["key", "user", "dismissed_at"]
    raw_id_fields = ["user"]
