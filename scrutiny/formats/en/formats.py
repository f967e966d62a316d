"""English is served as "en" (so addresses read /en/…) but written the British way:
day before month, as Django's en_GB formats have it."""

from django.conf.locale.en_GB.formats import *  # noqa: F403 (the whole format module)
