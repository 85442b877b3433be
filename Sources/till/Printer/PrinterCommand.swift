import ArgumentParser

/// `till printer …`: the technician's printer commands and the virtual printer.
struct PrinterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printer",
        abstract: "Printer tools: the virtual ESC/POS printer, status, test pages, traces.",
        subcommands: []
    )
}
