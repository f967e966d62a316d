"""Record kinds: reading a kind's fields, showing a case's values, and (for data admins)
keeping kinds as data dictionaries (docs/adr/0015-record-kinds.md)."""
