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

    /// Reads events until one after the previous match matches, or `seconds` pass; returns it.
    @discardableResult
    func waitFor(_ seconds: Double = 10, _ match: ([String: Any]) -> Bool) -> [String: Any]? {
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

    func event(_ name: String, _ seconds: Double = 10) -> [String: Any]? {
        waitFor(seconds) { $0["event"] as? String == name }
    }

    func finish() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
