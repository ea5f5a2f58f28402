"""The application layer: use cases shared by the command line and the window, free of Qt.

`context` opens the store and settings, `library` builds what suggestions come from, `values` fills the
agent's template variables, `reminders` and `customers` are the 催付, 日清 and 客户 use cases. The window runs
these on its DB worker; the CLI calls them directly.
"""
