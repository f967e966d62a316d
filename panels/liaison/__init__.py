"""The force liaison's part of the service: the actions addressed to their force and the
force's responses (the right of reply), OPCC staff's review of them, the panel's findings
on the force's cases by reference, and granting the role."""
