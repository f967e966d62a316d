"""Open data: every published figure, per category and per criterion, as CSV and JSON,
described by a Frictionless Data Package (docs/open-data.md)."""
