"""The Checklists screen: rate cultural-fluency items, self and mentor side by side; the template editor."""
