import Foundation

/// One till of the chain benchmark: a real `till exec` process with its own data folder, SQLite
/// journal and central connection, driven over its pipes line by line as a script would drive
/// it. Owned by one driver thread from start to stop.
final class ChainTill {
    let id: String
    let dataDir: String
    let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer = Data()
    private var lineNumber = 0

    /// An answer read from the till: the event's name and its fields.
    struct Event {
        var name: String
        var fields: [String: Any]
        func text(_ key: String) -> String? { fields[key] as? String }
    }

    struct Stopped: Error, CustomStringConvertible {
        var description: String
    }

    init(binary: String, id: String, folder: String, shop: String, centralURL: String) throws {
        self.id = id
        dataDir = folder + "/till-\(id)"
        try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
        // Few PIN hash rounds (sign-in only); the plain-text printer, so each till's CPU goes to
        // selling rather than drawing PNG slips; generous central timeouts, so a slow answer on a
        // loaded machine is measured, not turned into a refusal.
        let config = """
            [security]
            pin_hash_rounds = 1000
            [till]
            id = "\(id)"
            language = "en"
            receipt_language = "en"
            utc_offset = "+00:00"
            [shop]
            code = "\(shop)"
            [printer]
            url = "text"
            [display]
            url = "none"
            [central]
            url = "\(centralURL)"
            connect_timeout_seconds = 10
            query_timeout_seconds = 60
            lookup_timeout_ms = 30000

            """
        try config.write(toFile: dataDir + "/till.toml", atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["exec", "--config", dataDir + "/till.toml", "--data-dir", dataDir]
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TILL_CONFIG")
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    func send(_ lines: String) throws {
        lineNumber += lines.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
        do { try input.fileHandleForWriting.write(contentsOf: Data(lines.utf8)) } catch {
            throw Stopped(description: "till \(id) stopped taking input (\(error))")
        }
    }

    /// Reads answers until one named in `wanted`, or a refusal or error (returned too: the caller
    /// decides). Lines before it (other events of the same action) are skipped.
    func answer(_ wanted: Set<String>) throws -> Event {
        while true {
            let line = try nextLine()
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                  let name = object["event"] as? String else { continue }
            if wanted.contains(name) || name == "refused" || name == "error" { return Event(name: name, fields: object) }
        }
    }

    /// Brings the till back to an idle, signed-in register after a refusal: cancels what is open
    /// (confirming the cancel where the till asks), then waits for the answer to a line `till
    /// exec` cannot read, which it always answers: everything before it has been answered too.
    func reset() throws {
        for _ in 0..<3 {
            try send("cancel\nbench-sync\n")
            var asked = false
            while true {
                let line = try nextLine()
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                if object["event"] as? String == "confirmationNeeded" { asked = true }
                if object["event"] as? String == "badInput", object["line"] as? Int == lineNumber { break }
            }
            guard asked else { return }
            try send("confirm\n")
        }
    }

    private func nextLine() throws -> Data {
        while true {
            if let end = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<end]
                buffer.removeSubrange(buffer.startIndex...end)
                return Data(line)
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw Stopped(description: "till \(id) ended its output") }
            buffer.append(chunk)
        }
    }

    /// Ends the till as a script does (end of input), and kills it if it has not exited within
    /// `seconds`. Returns whether it had to be killed.
    @discardableResult
    func stop(within seconds: Double = 15) -> Bool {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(seconds)
        // What it writes while exiting fits the pipe's buffer: it never blocks on it.
        while process.isRunning, Date() < deadline { usleep(20_000) }
        guard process.isRunning else { return false }
        kill(pid, SIGKILL)
        process.waitUntilExit()
        return true
    }
}
