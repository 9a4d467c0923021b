"""The casedocs command: argument parsing over the library, one module per command group."""
