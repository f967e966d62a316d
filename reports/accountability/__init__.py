"""The published notes of the Commissioner's scrutiny meetings, and the public page on the
force's accountability. Notes are findings reports of their own kind (ReportKind.NOTES):
drafted, checked, approved, frozen and published by the same workflow and publishing code.

Nothing here imports the report modules that import it (presenters, disclosure, publishing,
public): only the models, enums and markup below them.
"""
