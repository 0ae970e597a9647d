from django.contrib import admin

from backpain.admin import HealthDataAdminMixin

from .models import CheckResult, Exercise, RoutineItem, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["publisher", "title", "year", "reference_section", "links_to_front_page"]
    list_filter = ["links_to_front_page"]
    search_fields = ["publisher", "title", "slug"]
    prepopulated_fields = {"slug": ["publisher", "title"]}


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "category", "stage", "difficulty", "flare_up_ok", "dose_source"]
    list_filter = [
        "category",
        "stage",
        "difficulty",
        "equipment",
        "body_area",
        "flare_up_ok",
        "bending_or_loaded",
    ]
    list_select_related = ["dose_source"]
    search_fields = ["name", "slug", "purpose", "description", "keywords"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["sources", "harder_variations"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "purpose", "description"]}),
        (
            "How to do it",
            {
                "fields": [
                    "steps",
                    "feel",
                    "mistakes",
                    "cautions",
                    "flare_up_ok",
                    "bending_or_loaded",
                ]
            },
        ),
        (
            "Dosage",
            {
                "fields": [
                    "reps",
                    "hold_seconds",
                    "sets",
                    "how_often",
                    "dosage_note",
                    "dose_source",
                    "progression",
                ]
            },
        ),
        (
            "Where it fits",
            {
                "fields": [
                    "category",
                    "stage",
                    "starter_rank",
                    "difficulty",
                    "equipment",
                    "body_area",
                    "keywords",
                ]
            },
        ),
        ("Illustration", {"fields": ["illustration", "illustration_alt"]}),
        ("Variations and sources", {"fields": ["harder_variations", "sources"]}),
    ]


@admin.register(RoutineItem)
class RoutineItemAdmin(HealthDataAdminMixin, admin.ModelAdmin):
    """Routines are personal: only superusers may see them, and nobody edits them here."""

    list_display = ["user", "exercise", "position"]
    list_select_related = ["user", "exercise"]


@admin.register(CheckResult)
class CheckResultAdmin(HealthDataAdminMixin, admin.ModelAdmin):
    """Saved results are health data: only superusers may see them, and nobody edits them."""

    list_display = ["user", "level", "created_at"]
    list_filter = ["level"]
