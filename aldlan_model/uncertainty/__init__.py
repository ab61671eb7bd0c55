"""Uncertainty: Monte Carlo over the ranged inputs (:mod:`.simulate`), the draws behind it
(:mod:`.draws`) and one-at-a-time sensitivity (:mod:`.sensitivity`)."""
