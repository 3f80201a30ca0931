"""For funders: the batch summary, the regional overview and the comparison of two versions or rounds."""
