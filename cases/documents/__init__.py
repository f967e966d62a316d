"""Case documents: PDFs attached to a case, checked (checks.py), screened for personal data
and kept privately (storage.py) until every finding is decided; then shown, behind the
conflict gate, to those who may read the case papers. Never published or exported."""
