"""Denials worked to the end (issue 16): a denial per denied or partly denied line of a
posted 835 claim payment, its category and appeal deadline, the work list, the actions
(correct, void, appeal, write off) and payer rules proposed from repeated denials."""
