"""Extractors: each a plain function over an Article whose text is already normalized."""
