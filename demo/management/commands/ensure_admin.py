"""Create the local admin account once and print its login every time `make run` starts."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from demo.management.commands.load_demo import admin_url

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create a local superuser (password kept in var/admin-password.txt) and print the login."

    def handle(self, *args, **options):
        password_file = Path(settings.VAR_DIR) / "admin-password.txt"
        User = get_user_model()
        user = User.objects.filter(username=USERNAME).first()
        password = password_file.read_text().strip() if password_file.exists() else ""
        if user is None or not password or not user.check_password(password):
            password = password or secrets.token_urlsafe(12)
            user = user or User(username=USERNAME, email="admin@example.org")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Admin login: {admin_url()}  username: {USERNAME}  password: {password}"))
