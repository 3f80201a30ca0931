"""Assessment: one profile's rule results become findings, a verdict, the funder's questions and figures.

``findings`` is the result model every reporter consumes; ``profile`` runs the steps for one profile.
"""
