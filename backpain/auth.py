def axes_username(request, credentials) -> str | None:
    """Count failed sign-ins per address whatever its case, so ALICE@ and alice@ share a limit."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username")
    return username.strip().lower() if isinstance(username, str) else username
