"""Text utilities: segmentation with the domain lexicon, sentences, stopwords."""
