"""Bundled data: the default phrase library, sensitive words, intents, translations, icons."""
