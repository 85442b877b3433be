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

    /// Where the next wait starts: events before it were already matched or passed over.
    private var cursor = 0

    /// How long a wait may take: a bound against a hang, not a timing assertion (a loaded 2-core
    /// machine can hold a till for seconds; the wait ends as soon as the event arrives).
    static let patience: Double = 90

    /// Reads events until one after the previous match matches, or `seconds` pass; returns it.
    /// On a timeout the events seen so far are in `lastSeen`, for the failure message.
    @discardableResult
    func waitFor(_ seconds: Double = InteractiveTill.patience, _ match: ([String: Any]) -> Bool) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if let index = events[cursor...].firstIndex(where: match) {
                cursor = index + 1
                return events[index]
            }
            guard Date() < deadline else { return nil }
            var ready = pollfd(fd: output.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] { events.append(object) }
            }
        }
    }

    /// The events after the last match, as read so far: what a wait that timed out last saw.
    var lastSeen: String {
        events[cursor...].compactMap { $0["event"] as? String }.joined(separator: ", ")
    }

    func event(_ name: String, _ seconds: Double = InteractiveTill.patience) -> [String: Any]? {
        waitFor(seconds) { $0["event"] as? String == name }
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
