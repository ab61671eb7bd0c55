"""aldlan-model: cost-savings modeller for Dutch buurtkamers and wijkgerichte dagbesteding."""

__version__ = "0.3.0"
