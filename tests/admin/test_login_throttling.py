"""Admin login protection (django-axes): failures are counted per username and address, refused for a while
after the limit with a Chinese message, and every failure is visible to administrators."""
from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


def attempt(client, username, password, address="10.0.0.7"):
    return client.post(
        LOGIN_URL, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address
    )


@pytest.fixture
def editor_account():
    return User.objects.create_user("bianji", password="right-password-123", is_staff=True)


def test_repeated_failures_lock_the_username_from_that_address(client, editor_account):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        response = attempt(client, "bianji", "wrong")
        assert response.status_code == 200 and "请输入一个正确的" in response.content.decode()
    locked = attempt(client, "bianji", "wrong")
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.content.decode() and "分钟后再试" in locked.content.decode()

    # Even the right password is refused while locked, and the refusals are counted too.
    assert attempt(client, "bianji", "right-password-123").status_code == 429
    assert "_auth_user_id" not in client.session

    # Another address, or another username from this one, is not affected.
    assert attempt(client, "bianji", "right-password-123", address="10.0.0.8").status_code == 302
    assert attempt(client.__class__(), "other", "wrong").status_code == 200


def test_every_failure_is_recorded(client, editor_account):
    for number in range(3):
        attempt(client, "bianji", f"wrong-{number}")
    attempt(client, "nobody", "guess", address="10.9.9.9")
    logs = AccessFailureLog.objects.order_by("attempt_time")
    assert [(log.username, log.ip_address) for log in logs] == [("bianji", "10.0.0.7")] * 3 + [("nobody", "10.9.9.9")]
    assert AccessAttempt.objects.get(username="bianji").failures_since_start == 3


def test_the_lock_ends_after_the_cool_off(client, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "bianji", "wrong")
    assert attempt(client, "bianji", "right-password-123").status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    assert attempt(client, "bianji", "right-password-123").status_code == 302


def test_administrators_see_the_failures_in_the_admin(client, editor_account):
    attempt(client, "bianji", "wrong")
    admin = User.objects.create_superuser("root", password="pw-root-123")
    client.force_login(admin)
    listing = client.get("/admin/axes/accessfailurelog/")
    assert listing.status_code == 200
    assert "bianji" in listing.content.decode() and "10.0.0.7" in listing.content.decode()
    assert client.get("/admin/axes/accessattempt/").status_code == 200
