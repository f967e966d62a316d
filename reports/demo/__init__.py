"""The demo's published reports, and the standing text they are written from."""

from .loader import load_reports

__all__ = ["load_reports"]
