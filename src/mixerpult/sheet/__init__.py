"""The preparation sheet: one view of a session, rendered by Jinja2 templates."""
