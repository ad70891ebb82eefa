"""Word lists for the outline extractor (heading nouns, lead-in cues, run-in body openers)."""
