"""Fee schedules per practice: code (+ modifier) → charge, with effective dates."""
