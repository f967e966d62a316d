"""Frameworks: their outcome categories, criteria (in groups) and themes, as data."""
