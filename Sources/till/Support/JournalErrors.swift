import TillJournal

/// Runs journal work, turning its typed errors into cause-and-remedy CLI errors.
func journalCall<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as JournalError {
        throw CLIError(en: error.message(.en), zh: error.message(.zh), remedyEn: error.remedy(.en), remedyZh: error.remedy(.zh))
    }
}
