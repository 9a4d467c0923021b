"""Mail merge: recipient lists checked by line, and one document per recipient."""
