"""Case documents: each kind's reader and context (letters, agreements, court papers) and the generate/verify orchestrator."""
