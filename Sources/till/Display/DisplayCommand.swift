import ArgumentParser

/// `till display …`: the customer display (pole display).
struct DisplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display",
        abstract: "Customer display tools: the virtual 2×20 display.",
        subcommands: [DisplayEmulateCommand.self]
    )
}
