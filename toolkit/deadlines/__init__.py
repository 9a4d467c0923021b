"""The policy's deadlines across cases (casedocs check)."""
