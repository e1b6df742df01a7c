"""The program itself: its default content and the details printed on reports."""
