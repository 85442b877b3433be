enum _PlaceholderVirtualPrinter {}
