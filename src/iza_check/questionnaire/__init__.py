"""The guided questionnaire of ``init``: the questions as data (``questions``) and the session that asks them."""
