"""The team library's file formats: packs, manifests, signing keys, proposals, usage stats and diffs.

Pure logic with no I/O policy: the share side (desktop/sync) reads and writes these bytes.
"""
