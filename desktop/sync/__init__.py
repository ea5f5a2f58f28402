"""The shared team folder: atomic publishing, pulling and verifying, proposals, usage stats, sync status.

Plain files only (never a database on the share); no Qt, so the CLI and the UI's I/O worker share it.
"""
