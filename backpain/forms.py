from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordMixin
from django.core.validators import MaxLengthValidator

from .models import User, time_zone_choices

EMAIL_MAX_LENGTH = 254


class SignInForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # AuthenticationForm sets max_length after the field is built, so nothing enforced it
        # and a 50,000-character "email" reached the database lookup.
        self.fields["username"].validators.append(MaxLengthValidator(EMAIL_MAX_LENGTH))


class SignUpForm(forms.Form):
    """Step one asks only who you are: the password is chosen after the mailed link proves
    the address is yours, so nothing is stored and nothing says whether it has an account."""

    email = forms.EmailField(label="Email address", max_length=EMAIL_MAX_LENGTH)
    display_name = forms.CharField(
        max_length=80, required=False, help_text="Optional: how the app greets you."
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()


class ChoosePasswordForm(SetPasswordMixin, forms.Form):
    password1, password2 = SetPasswordMixin.create_password_fields()

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean(self):
        self.validate_passwords()
        self.validate_password_for_user(self.user)
        return super().clean()


class ProfileForm(forms.ModelForm):
    time_zone = forms.ChoiceField(
        choices=time_zone_choices, help_text="Journal times are shown in this zone."
    )

    class Meta:
        model = User
        fields = ["display_name", "time_zone", "units"]
        help_texts = {
            "units": "Used for the loads you log with your workouts.",
        }


class CurrentPasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    wrong_password_message = "That password is not correct."

    def __init__(self, user: User, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(self.wrong_password_message)
        return password


class EmailChangeForm(CurrentPasswordForm):
    new_email = forms.EmailField(label="New email address", max_length=EMAIL_MAX_LENGTH)
    field_order = ["new_email", "password"]
    wrong_password_message = "That password is not correct. Your email address is unchanged."

    def clean_new_email(self) -> str:
        email = self.cleaned_data["new_email"].strip().lower()
        if email == self.user.email.lower():
            raise forms.ValidationError("That is already your email address.")
        return email


class DeleteAccountForm(CurrentPasswordForm):
    wrong_password_message = "That password is not correct. Nothing was deleted."

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].help_text = "To confirm that it is you. This cannot be undone."
