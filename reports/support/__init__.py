"""Support services a panel's reports point readers to: kept once, edited by OPCC staff."""
