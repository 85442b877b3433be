import ArgumentParser

/// `till scanner …`: the technician's barcode-scanner tools.
struct ScannerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scanner",
        abstract: "Barcode scanners: find them, and test one scan by scan.",
        subcommands: [ScannerTestCommand.self, ScannerListCommand.self]
    )
}
