"""herplan engine."""
