"""Running panels and their people: panels, memberships and invitations."""
