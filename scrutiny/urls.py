from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import language_views, notification_views

from . import account_views, health, public_pages, views

admin.site.site_header = _("Scrutiny administration")
admin.site.site_title = _("Scrutiny admin")

_two_factor_urls = [
    path("", views.two_factor_setup, name="setup"),
    path("code/", views.two_factor_verify, name="verify"),
    path("recovery-code/", views.two_factor_recovery, name="recovery"),
    path("new-recovery-codes/", views.two_factor_recovery_codes_new, name="new_recovery_codes"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("account/", account_views.account, name="account"),
    path("account/email/", account_views.email_change, name="account_email"),
    path(
        "account/email/confirm/<str:token>/",
        account_views.email_change_confirm,
        name="account_email_confirm",
    ),
    path("account/two-factor/", include((_two_factor_urls, "two_factor"))),
    path(
        "account/notifications/",
        notification_views.notification_settings,
        name="notification_settings",
    ),
    # Signing out lands on the sign-in page, which then says "You have signed out".
    path(
        "sign-out/",
        auth_views.LogoutView.as_view(
            next_page=format_lazy("{}?signed-out", reverse_lazy("login")),
            extra_context={"page_title": _("Signed out")},
        ),
        name="logout",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            form_class=views.PasswordResetForm,
            extra_context={"page_title": _("Reset your password")},
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            extra_context={"page_title": _("Check your email")}
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            extra_context={"page_title": _("Password changed")}
        ),
        name="password_reset_complete",
    ),
    path("health/", health.health, name="health"),
    path("language/", language_views.switch_language, name="switch_language"),
    path(".well-known/security.txt", public_pages.security_txt, name="security_txt"),
    path("reports/", include("reports.urls")),
    path("panels/", include("panels.urls")),
    path("accountability/", include("accountability.urls")),
    path("cases/", include("cases.urls")),
    path("audit/", include("core.audit_urls")),
    path("jobs/", include("core.job_urls")),
    path("admin/", admin.site.urls),
]

# The public pages, in English under /en/ and in Welsh under /cy/. An address without
# the prefix (a link in a report published before) is redirected to it by LocaleMiddleware.
urlpatterns += i18n_patterns(
    path("accessibility/", public_pages.accessibility, name="accessibility"),
    path("privacy/", public_pages.privacy, name="privacy"),
    path("cookies/", public_pages.cookies, name="cookies"),
    path("findings/", include("reports.public_urls")),
    prefix_default_language=True,
)

# Refusals are logged in one line and audited; 404 and 500 use Django's own views.
handler403 = "scrutiny.errors.permission_denied"
