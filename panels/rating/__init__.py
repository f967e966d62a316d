"""The panel member's work before the meeting: their task list, a case's papers, the
conflict gate, their rating or comment, and the reminders that chase them."""
