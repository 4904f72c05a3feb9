"""herplan file formats."""
