import ArgumentParser

/// `till`: one executable for the clerk, the technician and the trainer.
@main
struct TillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "till",
        abstract: "A terminal point of sale with its own ESC/POS driver.",
        version: "0.1.0",
        subcommands: [
            ExecCommand.self,
            RunCommand.self,
            JournalCommand.self,
            CatalogCommand.self,
            UserCommand.self,
            ReportCommand.self,
            ReprintCommand.self,
            ConfigCommand.self,
            PrinterCommand.self,
            DevicesCommand.self,
            DrawerCommand.self,
            BenchCommand.self,
            DrillCommand.self,
            ScannerCommand.self,
            KeypadCommand.self,
            DisplayCommand.self,
            ManualCommand.self,
            CentralCommand.self,
        ]
    )
}
