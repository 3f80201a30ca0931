"""The profile: model, safe loader and schema export."""
