# Findings reports and their published versions arrive with the reporting work.
