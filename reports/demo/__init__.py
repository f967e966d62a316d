"""The demo's published reports, the standing text they are written from, and the
Commissioner's scrutiny meetings with their published notes."""

from .loader import load_reports
from .scrutiny import load_scrutiny

__all__ = ["load_reports", "load_scrutiny"]
