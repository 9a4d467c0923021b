"""make bench: performance targets as ratios against baselines measured in the same run (not shipped in the package)."""
