"""Django settings for cleanclaim: everything variable comes from the environment.

The parsing lives in :mod:`cleanclaim.web.config` (strict, fails with the
variable's name); this module only maps the parsed values onto Django's names.
"""

from __future__ import annotations

import os

from cleanclaim.web.config import env_int, load
from cleanclaim.web.schedule import beat_schedule

CONFIG = load()

DEBUG = CONFIG.debug
SECRET_KEY = CONFIG.secret_key
ALLOWED_HOSTS = CONFIG.allowed_hosts
CSRF_TRUSTED_ORIGINS = CONFIG.csrf_trusted_origins
DATABASES = CONFIG.databases
VAR_DIR = CONFIG.var_dir

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "cleanclaim.web",
    "cleanclaim.practices",
    "cleanclaim.payers",
    "cleanclaim.payerrules",
    "cleanclaim.patients",
    "cleanclaim.audit",
    "cleanclaim.api",
    "cleanclaim.coding",
    "cleanclaim.scrubbing",
    "cleanclaim.payercalls",
    "cleanclaim.fees",
    "cleanclaim.claims",
    "cleanclaim.ledger",
    "cleanclaim.eligibility",
    "cleanclaim.remits",
    "cleanclaim.denials",
    "cleanclaim.clearinghouses",
    "cleanclaim.appointments",
    "cleanclaim.statements",
    "cleanclaim.authorizations",
]

MIDDLEWARE = [
    "cleanclaim.web.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cleanclaim.web.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cleanclaim.web.twofactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cleanclaim.web.middleware.IdleTimeoutMiddleware",
    "cleanclaim.audit.phi.PHIAuditMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "cleanclaim.web.urls"
WSGI_APPLICATION = "cleanclaim.web.wsgi.application"
ASGI_APPLICATION = "cleanclaim.web.asgi.application"
AUTH_USER_MODEL = "practices.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cleanclaim.web.nav.navigation",
            ],
        },
    },
]

# Passwords: Argon2id first (OWASP password storage cheat sheet); the others
# only verify hashes made before and are upgraded on the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "cleanclaim.practices.passwords.NotDemoPasswordValidator"},
]

# Audit (cleanclaim.audit): a PHI response with no audit entry raises when strict
# (development; the test suite turns it on), else gets a generic READ entry. `manage
# flush` is refused while audit entries exist unless allowed (the test suite only).
AUDIT_STRICT_PHI = DEBUG
AUDIT_FLUSH_ALLOWED = False

# Second factor (cleanclaim.web.twofactor): TOTP through django-otp.
CLEANCLAIM_REQUIRE_2FA = CONFIG.require_2fa
OTP_TOTP_ISSUER = "cleanclaim"

# Email (cleanclaim.web.mail): CLEANCLAIM_EMAIL_URL, e.g. smtp+tls://user:pass@host:587.
# Outside production the default writes each message to a file in var/mail (0700/0600).
_EMAIL = CONFIG.email or {}
EMAIL_BACKEND = _EMAIL.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = _EMAIL.get("EMAIL_FILE_PATH")
EMAIL_HOST = _EMAIL.get("EMAIL_HOST", "localhost")
EMAIL_PORT = _EMAIL.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _EMAIL.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _EMAIL.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _EMAIL.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _EMAIL.get("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = _EMAIL.get("EMAIL_TIMEOUT")
DEFAULT_FROM_EMAIL = CONFIG.email_from
SERVER_EMAIL = CONFIG.email_from
# Invitations (cleanclaim.practices.invitations): days a link stays valid.
INVITATION_DAYS = CONFIG.invitation_days
#: (dx, dy) millimetres for printing CMS-1500 claims on pre-printed forms (docs/paper.md)
CMS1500_OFFSET_MM = CONFIG.cms1500_offset_mm
#: Days without an acknowledgement before a sent claim is on the "no answer" work list
NO_ANSWER_DAYS = CONFIG.no_answer_days

# Login throttling (cleanclaim.web.throttle) and the idle timeout (middleware).
LOGIN_MAX_FAILURES = CONFIG.login_max_failures
LOGIN_LOCK_MINUTES = CONFIG.login_lock_minutes
SESSION_IDLE_MINUTES = CONFIG.session_idle_minutes

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 12 * 60 * 60  # absolute cap; the idle timeout is much shorter
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Sent on every answer but static files (web.middleware.SecurityHeadersMiddleware), with
# Cache-Control: no-store. No inline script or style anywhere: HTMX and our JS are static files.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
# Who may read the OpenAPI schema: "public", or "login" (the default in production).
API_DOCS = CONFIG.api_docs

if CONFIG.production:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LANGUAGE_CODE = "en-us"
TIME_ZONE = CONFIG.time_zone
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = str(VAR_DIR / "static")
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
# In development whitenoise serves straight from the apps' static folders; in
# production run `cleanclaim manage collectstatic` and serve the hashed copies.
WHITENOISE_USE_FINDERS = not CONFIG.production
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if CONFIG.production
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Celery: with no broker, tasks run in-process (task_always_eager).
CELERY_BROKER_URL = CONFIG.celery_broker_url or "memory://"
CELERY_RESULT_BACKEND = CONFIG.celery_result_backend
CELERY_TASK_ALWAYS_EAGER = CONFIG.celery_broker_url is None
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# Celery beat's schedule (``cleanclaim beat``), from the one list of scheduled work;
# without a broker ``cleanclaim scheduler`` runs the same list (docs/architecture.md).
CELERY_BEAT_SCHEDULE = beat_schedule(CONFIG) if CONFIG.celery_broker_url else {}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cleanclaim.web.request_id.LogFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": CONFIG.log_level},
}

# The sandbox clearinghouse beside the demo (docs/sandbox.md, "In the demo"): its
# loopback ports, which the demo's ``sandbox`` connection and ``cleanclaim sandbox start`` use.
CLEANCLAIM_SANDBOX_SFTP_PORT = env_int(
    os.environ, "CLEANCLAIM_SANDBOX_SFTP_PORT", 2222, low=1, high=65535
)
CLEANCLAIM_SANDBOX_CORE_PORT = env_int(
    os.environ, "CLEANCLAIM_SANDBOX_CORE_PORT", 8022, low=1, high=65535
)
