import Foundation

/// A running `till exec` fed line by line, whose JSON events are read as they come.
final class InteractiveTill {
    let process: Process
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private(set) var events: [[String: Any]] = []

    init(_ till: TillProcess, _ args: [String]) throws {
        process = till.start(args)
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Reads events until one matches or `seconds` pass; returns it (nil on timeout).
    @discardableResult
    func waitFor(_ seconds: Double = 10, _ match: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(seconds)
        var seen = events.count
        while Date() < deadline {
            if let hit = events[seen...].first(where: match) { return hit }
            seen = events.count
            var ready = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] { events.append(object) }
            }
        }
        return events[seen...].first(where: match)
    }

    func event(_ name: String, _ seconds: Double = 10) -> [String: Any]? {
        waitFor(seconds) { $0["event"] as? String == name }
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
