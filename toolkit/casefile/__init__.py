"""The case file stage: YAML with positions, the Pydantic model, cross-key rules, plain-English messages, the loader and the JSON Schema."""
