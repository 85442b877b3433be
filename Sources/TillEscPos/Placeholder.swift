enum _PlaceholderEscPos {}
