"""Other formats of a document for readers who need them: braille, easy read."""
