import ArgumentParser

/// `till printer …`: the technician's printer commands and the virtual printer.
struct PrinterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Printer tools: the virtual ESC/POS printer, status, test pages, traces.",
        subcommands: [
            PrinterEmulateCommand.self,
            PrinterFaultCommand.self,
            PrinterFuzzCommand.self,
            PrinterIdentifyCommand.self,
            PrinterProfilesCommand.self,
            PrinterStatusCommand.self,
            PrinterTestCommand.self,
            PrinterTraceCommand.self,
        ]
    )
}

import Foundation

/// Writes a line to stdout at once (no stdio buffering: a pipe reader sees each slip as it
/// is cut).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
