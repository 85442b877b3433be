import Foundation
import Testing

/// Runs the built `till` executable, as a user would, in a temporary data folder.
struct TillProcess {
    let dataDir: String
    let configPath: String

    /// The `till` binary next to the test bundle (or $TILL_BIN).
    static var binary: String {
        if let bin = ProcessInfo.processInfo.environment["TILL_BIN"] { return bin }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("till").path
    }

    init(config extra: String = "") throws {
        dataDir = FileManager.default.temporaryDirectory.appendingPathComponent("till-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        configPath = dataDir + "/till.toml"
        // Few PIN hash rounds: tests sign in hundreds of times; the format keeps rounds per hash.
        let config = "[security]\npin_hash_rounds = 1000\n[till]\nlanguage = \"en\"\nreceipt_language = \"en\"\n" + extra
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    var journalPath: String { dataDir + "/journal.sqlite" }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs `till ARGS` to completion.
    @discardableResult
    func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:], global: Bool = true) throws -> Result {
        let process = start(args, env: env, global: global)
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// A configured but not started process (for tests that kill it).
    /// `global: false` for commands without the journal options (`till printer …`).
    func start(_ args: [String], env: [String: String] = [:], global: Bool = true) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = args + (global ? ["--config", configPath, "--data-dir", dataDir] : [])
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        return process
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: dataDir) }

    /// A `till exec` that has signed in and so holds the till (its lock), with its pipes.
    struct HeldTill {
        let process: Process
        let input: Pipe
        let output: Pipe
        /// What it wrote before anyone else ran: its sign-in answer.
        let firstAnswer: String
    }

    func startHoldingTill() throws -> HeldTill {
        let first = start(["exec"])
        let input = Pipe(), output = Pipe()
        first.standardInput = input
        first.standardOutput = output
        first.standardError = FileHandle.nullDevice
        try first.run()
        input.fileHandleForWriting.write(Data("signin 1001 1111\n".utf8))
        // The first answer means the first process holds the till.
        var seen = Data()
        while !seen.contains(0x0A) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        return HeldTill(process: first, input: input, output: output, firstAnswer: String(decoding: seen, as: UTF8.self))
    }
}

/// Parses `till exec` output lines.
func events(_ lines: [String]) -> [[String: Any]] {
    lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}
