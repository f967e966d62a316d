"""The chair's meeting: planning and moving it on, the reveal, agreement, decisions,
attendance, notes, actions and exports."""
