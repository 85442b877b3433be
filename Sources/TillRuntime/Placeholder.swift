enum _PlaceholderTillRuntime {}
