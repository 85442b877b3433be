import ArgumentParser
import Foundation
import TillCore

extension TillCommand {
    /// Runs the command; any layer's `Problem` (a refusal, the journal, a device, the runtime, the
    /// command line itself) is printed the one way, `Problem.text`, in the configured language,
    /// with exit code 1. Everything else (help, usage errors, `ExitCode`) is ArgumentParser's.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let problem as any Problem {
            Output.error(problem.text(Output.language))
            Foundation.exit(ExitCode.failure.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
