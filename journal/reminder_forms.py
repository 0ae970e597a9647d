from django import forms

WEEKDAYS = [
    (0, "Monday"),
    (1, "Tuesday"),
    (2, "Wednesday"),
    (3, "Thursday"),
    (4, "Friday"),
    (5, "Saturday"),
    (6, "Sunday"),
]
TIME_ERRORS = {"invalid": "Enter a time as hours and minutes, for example 18:30."}


class ReminderSettingsForm(forms.Form):
    session_days = forms.TypedMultipleChoiceField(
        label="Days I plan to do my exercises",
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Pick days from the list."},
    )
    session_time = forms.TimeField(
        label="Session time",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=TIME_ERRORS,
    )
    morning_time = forms.TimeField(
        label="Next-morning check time",
        help_text="The morning after each workout you log, to note how your back feels.",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages=TIME_ERRORS,
    )
    show_details = forms.BooleanField(
        label="Say what reminders are about (back pain, the scale) in calendar titles and emails",
        help_text="Off: titles read “Back exercises”, “Morning check-in”, “Fortnightly "
        "check-in”, so nobody who sees your calendar or lock screen learns about your health.",
        required=False,
    )
    feed_next_morning = forms.BooleanField(
        label="Next-morning checks in the calendar", required=False
    )
    feed_psfs = forms.BooleanField(
        label="Fortnightly activity rating (PSFS) in the calendar", required=False
    )
    email_sessions = forms.BooleanField(label="On my session days", required=False)
    email_next_morning = forms.BooleanField(
        label="The morning after a workout I logged", required=False
    )
    email_weekly = forms.BooleanField(
        label="A weekly summary (Monday, at the next-morning check time)", required=False
    )
    email_psfs = forms.BooleanField(
        label="When it is time to rate my activities again (every two weeks)", required=False
    )

    FIELDS = [
        "session_days",
        "session_time",
        "morning_time",
        "show_details",
        "feed_next_morning",
        "feed_psfs",
        "email_sessions",
        "email_next_morning",
        "email_weekly",
        "email_psfs",
    ]

    def clean_session_days(self) -> list[int]:
        return sorted(set(self.cleaned_data["session_days"]))
