"""The application layer: use cases shared by the command line and the window, free of Qt.

`context` opens the store and settings, `library` builds what suggestions come from, `values` fills the
agent's template variables. The window runs these on its DB worker; the CLI calls them directly.
"""
