from django import forms
from django.contrib.auth.forms import UserCreationForm

from .models import User, time_zone_choices


class SignUpForm(UserCreationForm):
    class Meta:
        model = User
        fields = ["email", "display_name"]
        help_texts = {"display_name": "Optional: how the app greets you."}

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                "An account with this email already exists. Sign in, or reset your password."
            )
        return email


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=time_zone_choices, help_text="Journal times are shown in this zone."
    )

    class Meta:
        model = User
        fields = ["display_name", "email", "time_zone", "units"]
        help_texts = {
            "units": "Used for the loads you log with your workouts.",
        }

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        taken = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError("Another account already uses this email address.")
        return email


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To confirm that it is you. This cannot be undone.",
    )

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That password is not correct. Nothing was deleted.")
        return password
