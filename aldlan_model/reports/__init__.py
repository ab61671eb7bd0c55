"""Report building blocks: locale-aware number formatting and the label catalogue."""
