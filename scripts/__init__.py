"""Scripts for make targets that are not part of the package (the demo)."""
