import ArgumentParser

/// `till bench …`: programs that print figures (never timed assertions).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks that print figures against a named peer.",
        subcommands: [BenchCoreCommand.self])
}
