"""Cultural-fluency checklists: versioned templates, ratings, reads, progress and summaries."""
