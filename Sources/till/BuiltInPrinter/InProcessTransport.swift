import Foundation
import TillDevices
import TillVirtualPrinter

/// The virtual printer in this process, behind the same transport seam as real printers: what
/// the driver writes goes to `VirtualPrinter.receive`, and the replies wait to be read.
/// `afterWrite` runs after each write (the till writes finished pages into the slip folder).
public final class InProcessTransport: PrinterTransport {
    public let printer: VirtualPrinter
    private let afterWrite: () -> Void
    private var replies: [UInt8] = []
    private var open_ = false
    public let name: String

    public init(printer: VirtualPrinter, name: String? = nil, afterWrite: @escaping () -> Void = {}) {
        self.printer = printer
        self.name = name ?? "virtual \(printer.profile.id) printer"
        self.afterWrite = afterWrite
    }

    public var isOpen: Bool { open_ }

    public func open() throws { open_ = true }

    public func write(_ bytes: [UInt8], timeout: Double) throws {
        replies += printer.receive(bytes)
        afterWrite()
    }

    public func read(timeout: Double) throws -> [UInt8] {
        // The virtual printer answers as it receives: nothing now means nothing coming. Wait a
        // little anyway so a caller polling for a reply does not spin.
        if replies.isEmpty { usleep(useconds_t(min(timeout, 0.005) * 1_000_000)); return [] }
        defer { replies.removeAll() }
        return replies
    }

    public func close() { open_ = false }
}
