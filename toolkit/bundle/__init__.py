"""The injunction bundle: the plan from the case, assembly, page stamps and the pages casedocs draws."""
