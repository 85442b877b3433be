import Synchronization
import Foundation

/// Runs programs for the device tests: the built `till`, the umockdev harness. Every run has a
/// deadline; a child still running then is terminated by its PID.
enum Run {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `till` binary next to the test bundle (or $TILL_BIN).
    static var till: String {
        if let bin = ProcessInfo.processInfo.environment["TILL_BIN"] { return bin }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("till").path
    }

    /// Tests/TillDevicesTests/Harness in the source tree.
    static var harnessDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Harness").path
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-devices-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// How long a child may run before it is killed: a bound against a hang, never what a test
    /// checks (two builds and a test run on a 2-core machine can slow a child tenfold).
    static let patience: Double = 120

    @discardableResult
    static func run(_ executable: String, _ args: [String], stdin: String? = nil, timeout: Double = Run.patience) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        p.environment = env
        let input = Pipe(), output = Pipe(), error = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = error
        try p.run()
        let pid = p.processIdentifier
        let killed = Mutex(false)
        let watchdog = DispatchWorkItem { if p.isRunning { killed.withLock { $0 = true }; kill(pid, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let err = Collector(error.fileHandleForReading)
        let out = output.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        // A child the watchdog ended says so, so a failure names the hang rather than a wrong answer.
        let note = killed.withLock { $0 } ? "\n[killed by the test's watchdog after \(timeout) s]" : ""
        return Result(status: p.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: err.wait() + note)
    }

    static func till(_ args: [String], stdin: String? = nil, timeout: Double = Run.patience) throws -> Result {
        try run(till, args, stdin: stdin, timeout: timeout)
    }
}

/// Reads a pipe to its end on another thread (so stdout and stderr cannot block each other).
final class Collector: Sendable {
    private let data = Mutex(Data())
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let read = handle.readDataToEndOfFile()
            data.withLock { $0 = read }
            done.signal()
        }
    }
    func wait() -> String {
        done.wait()
        return String(decoding: data.withLock { $0 }, as: UTF8.self)
    }
}

/// `till printer emulate` on a loopback port the OS picks, with a control socket; stopped by
/// PID in `stop()` (call it in a defer).
final class Emulator: Sendable {
    let process = Process()
    let out: String
    let control: String
    var port: UInt16 { foundPort.withLock { $0 } }
    private let foundPort = Mutex<UInt16>(0)
    /// What the emulator wrote so far (the pipe's handler runs on another thread).
    private let text = Mutex("")

    init(profile: String = "epson-tm-t88vi", faults: [String] = [], directory: String) throws {
        out = directory + "/emulator"
        control = directory + "/vp.sock"
        process.executableURL = URL(fileURLWithPath: Run.till)
        process.arguments = ["printer", "emulate", "--profile", profile, "--listen", "tcp://127.0.0.1:0", "--out", out, "--control", control]
            + faults.flatMap { ["--fault", $0] }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] h in
            let chunk = String(decoding: h.availableData, as: UTF8.self)
            self?.text.withLock { $0 += chunk }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(Run.patience)
        while Date() < deadline {
            let line = text.withLock { $0 }.split(separator: "\n").first { $0.hasPrefix("listening: tcp://127.0.0.1:") }
            if let line, let p = UInt16(line.split(separator: " ")[1].split(separator: ":").last!) { foundPort.withLock { $0 = p }; return }
            usleep(20_000)
        }
        stop()
        throw EmulatorError.noPort
    }

    enum EmulatorError: Error { case noPort }

    /// Everything the emulator printed on stdout (one line per cut page).
    var output: String { text.withLock { $0 } }

    func page(_ n: Int) -> String? {
        try? String(contentsOfFile: out + "/" + String(format: "%03d", n) + ".txt", encoding: .utf8)
    }

    /// Page `n` once the emulator has said it wrote it (its summary line comes after both files
    /// are complete), waiting up to `Run.patience`; nil if it never did.
    func writtenPage(_ n: Int) -> String? {
        let name = String(format: "%03d ", n)
        let deadline = Date().addingTimeInterval(Run.patience)
        while Date() < deadline {
            if output.split(separator: "\n").contains(where: { $0.hasPrefix(name) }) { return page(n) }
            usleep(20_000)
        }
        return nil
    }

    func fault(_ words: [String]) throws {
        let r = try Run.till(["printer", "fault", "--control", control] + words)
        guard r.status == 0 else { throw EmulatorError.noPort }
    }

    func stop() {
        // SIGKILL: a child of the test runner may inherit SIGTERM ignored.
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
