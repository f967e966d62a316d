"""The accountability pages: OPCC staff's (staff, questions, outcomes) and the force
liaison's (force)."""
