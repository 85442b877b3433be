import ArgumentParser
import Foundation
import TillVirtualPrinter

/// `till printer fault --control PATH WORD…`: injects faults into a running emulator.
///
///     till printer fault --control /tmp/vp.sock paper-out
///     till printer fault --control /tmp/vp.sock paper-out-after 30mm
///     till printer fault --control /tmp/vp.sock cover-open status
struct PrinterFaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault",
        abstract: "Inject faults into a running `till printer emulate` (or ask its status).",
        discussion: "Words: \(Fault.usage) | status"
    )

    @Option(help: "The --control socket of the running emulator.")
    var control: String

    @Argument(help: "Faults, e.g. paper-out, 'paper-out-after 30mm', baud 9600, status.")
    var words: [String]

    /// Words that take a value consume the next word ("baud 9600"), unless it is quoted in.
    static let takesValue: Set<String> = ["paper-out-after", "disconnect-after", "baud", "garbage"]

    func run() throws {
        var lines: [String] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if Self.takesValue.contains(w.lowercased()), i + 1 < words.count {
                lines.append(w + " " + words[i + 1])
                i += 2
            } else {
                lines.append(w)
                i += 1
            }
        }
        for line in lines where line != "status" { _ = try Fault(parsing: line) }  // fail before sending any
        let answers = try ControlClient.send(lines, to: control)
        for a in answers { say(a) }
        if answers.contains(where: { $0.hasPrefix("error") }) { throw ExitCode(1) }
    }
}
