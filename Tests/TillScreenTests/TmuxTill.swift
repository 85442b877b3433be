import Foundation
import Synchronization
import Testing

/// The real `till run` in a detached tmux session of a given size, on its own data folder:
/// keys go in with `send-keys`, the screen comes back with `capture-pane`. Every wait has a
/// timeout; the session is killed by `close()` (call it in `defer`).
final class TmuxTill {
    let session: String
    let dataDir: String
    let configPath: String
    /// A tmux server of our own: nothing another tmux user runs is touched.
    static let socket = "till-screen-tests-\(ProcessInfo.processInfo.processIdentifier)"

    /// The `till` binary next to the test bundle (or $TILL_BIN), as TillCommandTests find it.
    static var binary: String {
        if let bin = ProcessInfo.processInfo.environment["TILL_BIN"] { return bin }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("till").path
    }

    /// `subcommand` is what runs in the pane (`run`, or `drill run ID …` for a live drill); the
    /// pane stays after it exits so its last words can be read.
    init(cols: Int = 80, rows: Int = 24, subcommand: [String] = ["run"], arguments: [String] = [], config extra: String = "",
         environment: [String] = []) throws {
        let id = UUID().uuidString.prefix(8)
        session = "till-\(id)"
        dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("till-screen-\(id)").path
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        configPath = dataDir + "/till.toml"
        // Few PIN hash rounds for speed; a printer whose fonts print Chinese as text, so NNN.txt reads back.
        let config = "[security]\npin_hash_rounds = 1000\n[till]\nlanguage = \"en\"\nreceipt_language = \"en\"\n"
            + "[printer]\nprofile = \"epson-tm-t82iii\"\n" + extra
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        // Seed the demo data first (as a first run would), so the screen starts at once.
        _ = try cli(["config", "check"])
        _ = try cli(["user", "list"])
        let command = (["exec", "env", "LANG=C.UTF-8", "LC_ALL=C.UTF-8"] + environment + [Self.binary] + subcommand + ["--config", configPath,
                        "--data-dir", dataDir] + arguments).map(Self.quoted).joined(separator: " ")
        try Self.newSession(["-s", session, "-x", "\(cols)", "-y", "\(rows)", command])
        try tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    /// Suites run in parallel, and two tmux clients that both find no server start two servers
    /// on one socket and can hang: sessions are created one at a time.
    private static let sessionStart = Mutex(())

    static func newSession(_ args: [String]) throws {
        try sessionStart.withLock { _ in _ = try Spawn.run("/usr/bin/tmux", ["-L", socket, "new-session", "-d"] + args) }
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    func close() {
        _ = try? tmux(["kill-session", "-t", session])
        try? FileManager.default.removeItem(atPath: dataDir)
    }

    /// Named keys: "Enter", "F2", "Escape", "C-z", "Down".
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", session] + keys) }

    /// Literal text, as typed (or as a keyboard-wedge scanner sends it).
    func type(_ text: String) throws { try tmux(["send-keys", "-t", session, "-l", text]) }

    /// Text then Enter: a scan.
    func enter(_ text: String) throws {
        try type(text)
        try press("Enter")
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", session]) }

    func rows() throws -> [String] { try screen().components(separatedBy: "\n") }

    /// How long a wait may take before the test gives up: a bound against a hang, never what a
    /// test checks. Two suites building and testing at once on a 2-core machine can stall the
    /// till for seconds; a wait ends as soon as its condition holds, so a generous bound costs nothing.
    static let patience: Double = 90

    /// Waits until `text` is on screen; fails the test with the screen shown when it never is.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = TmuxTill.patience, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil(timeout: timeout, "\"\(text)\"", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: Double = TmuxTill.patience, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                   _ done: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if done(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    struct TimedOut: Error {}

    func signIn(_ code: String = "1001", _ pin: String = "1111") throws {
        try waitFor("User code:")
        try enter(code)
        try waitFor("PIN:")
        try enter(pin)
        try waitFor("Signed in:")
    }

    /// `till ARGS` on the same data folder (journal export, printer faults).
    @discardableResult
    func cli(_ args: [String], global: Bool = true) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        return try Spawn.run(Self.binary, args + (global ? ["--config", configPath, "--data-dir", dataDir] : []), environment: env)
    }

    func slip(_ number: Int) throws -> String {
        let name = String(format: "%03d", number)
        return try String(contentsOfFile: dataDir + "/slips/\(name).txt", encoding: .utf8)
    }

    /// tmux through posix_spawn: the first command starts the tmux server, which keeps whatever
    /// standard files it was given for its whole life (see Spawn).
    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        try Spawn.run("/usr/bin/tmux", ["-L", Self.socket] + args)
    }
}
