import Foundation
import TillCore

/// Prints slips as UTF-8 text files, NNN.txt in a folder: the simplest printer, for headless
/// runs. Fails, with the folder named, when the folder cannot be written.
public final class TextFilePrinter: SlipPrinter {
    public let directory: URL
    public let columns: Int
    private var counter: Int
    public private(set) var drawerKicks = 0

    public init(directory: URL, columns: Int = 42) throws {
        self.directory = directory
        self.columns = columns
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        counter = existing.compactMap { Int($0.split(separator: ".").first ?? "") }.max() ?? 0
    }

    public var name: String { "text printer in \(directory.path)" }

    public func print(_ slip: SlipDocument) -> PrintOutcome {
        counter += 1
        var number = String(counter)
        while number.count < 3 { number = "0" + number }
        let file = directory.appendingPathComponent("\(number).txt")
        let text = PlainTextSlipRenderer.render(slip, columns: columns).joined(separator: "\n") + "\n"
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
            return .printed
        } catch {
            return .failed(cause: .cannotWrite("\(file.path): \(error.localizedDescription)"))
        }
    }

    public func openDrawer() -> PrintOutcome {
        drawerKicks += 1
        return .printed
    }
}
