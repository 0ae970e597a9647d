from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from django.views.generic import TemplateView

from guidance import review_views

from . import two_factor, views
from .forms import SignInForm
from .page_cache import public_page

handler404 = "backpain.views.page_not_found"
handler500 = "backpain.views.server_error"

account_patterns = [
    path("signup/", views.signup, name="signup"),
    path("signup/confirm/<str:token>/", views.signup_confirm, name="signup_confirm"),
    path(
        "signin/",
        public_page()(
            auth_views.LoginView.as_view(
                template_name="accounts/signin.html",
                authentication_form=SignInForm,
                redirect_authenticated_user=True,
            )
        ),
        name="login",
    ),
    path("signout/", views.sign_out, name="logout"),
    path("settings/", views.account_settings, name="settings"),
    path("email/", views.email_change, name="email_change"),
    path("email/confirm/<str:token>/", views.email_change_confirm, name="email_change_confirm"),
    path("export/", views.export_data, name="export"),
    path("delete/", views.delete_account, name="delete_account"),
    path("two-factor/", include(two_factor.urlpatterns)),
    path(
        "password/",
        views.PasswordChangeView.as_view(success_url=reverse_lazy("password_change_done")),
        name="password_change",
    ),
    path(
        "password/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("password/reset/", views.password_reset, name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", public_page()(TemplateView.as_view(template_name="about.html")), name="about"),
    path("clinical-review/", review_views.clinical_review_pack, name="clinical_review"),
    path("accounts/", include(account_patterns)),
    path("exercises/", include("guidance.exercise_urls")),
    path("checklist/", include("guidance.checklist_urls")),
    path("journal/", include("journal.urls")),
    path("admin/", admin.site.urls),
]
