enum _PlaceholderTillJournal {}
