"""The chair's and OPCC staff's pages for a meeting.

- `meeting`: the meetings list, a meeting's page, planning, editing and moving it on.
- `decisions`: the discussion, a case's decision, attendance and notes.
- `actions`: adding, editing and listing actions.
- `exports`: a meeting's open data and a panel's findings over time.
"""
