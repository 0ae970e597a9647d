from django.contrib import admin

from .models import CheckResult, Exercise


@admin.register(Exercise)
class ExerciseAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CheckResult)
class CheckResultAdmin(admin.ModelAdmin):
    """Saved results are health data: only superusers may see them, and nobody edits them."""

    list_display = ["user", "level", "created_at"]
    list_filter = ["level"]

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser
