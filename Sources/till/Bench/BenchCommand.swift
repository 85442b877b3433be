import ArgumentParser

/// `till bench …`: programs that print performance figures (not tests: nothing here fails).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Performance figures for the README.",
        subcommands: [BenchCoreCommand.self, BenchPrintingCommand.self, BenchReportsCommand.self, BenchChainCommand.self,
                      BenchCentralReportsCommand.self]
    )
}
