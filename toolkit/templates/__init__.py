"""Versioned .docx templates: the registry (manifests and hashes), the rendering engine and the lint."""
