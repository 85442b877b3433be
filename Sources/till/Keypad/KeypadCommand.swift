import ArgumentParser

/// `till keypad …`: the on-screen keypad's layouts and programmable POS keyboards.
struct KeypadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keypad",
        abstract: "On-screen keypad layouts and programmable POS keyboards.",
        subcommands: [KeypadLearnCommand.self, KeypadLayoutsCommand.self]
    )
}
