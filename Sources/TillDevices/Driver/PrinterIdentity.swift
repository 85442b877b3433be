import Foundation
import TillEscPos

/// What a printer says about itself when asked with GS I (transmit printer ID).
public struct PrinterIdentity: Sendable, Equatable {
    /// GS I 66, 67, 65: maker, model name, firmware version (newer models; nil when unanswered).
    public var maker: String?
    public var model: String?
    public var firmware: String?
    /// GS I 1, 2, 3: model ID, type ID (bit 0 double-byte font, bit 1 autocutter), ROM version.
    public var modelID: UInt8?
    public var typeID: UInt8?
    public var romVersion: UInt8?

    public init() {}

    public var answeredAnything: Bool {
        maker != nil || model != nil || firmware != nil || modelID != nil || typeID != nil || romVersion != nil
    }

    /// One "field: value" line per answer, for the technician.
    public var lines: [String] {
        func hex(_ v: UInt8?) -> String { v.map { "0x" + String($0, radix: 16, uppercase: true) } ?? "no answer" }
        var out = ["maker (GS I 66):     \(maker ?? "no answer")",
                   "model (GS I 67):     \(model ?? "no answer")",
                   "firmware (GS I 65):  \(firmware ?? "no answer")",
                   "model ID (GS I 1):   \(hex(modelID))",
                   "type ID (GS I 2):    \(hex(typeID))"]
        if let t = typeID {
            out.append("  double-byte font: \(t & 1 != 0 ? "yes" : "no"), autocutter: \(t & 2 != 0 ? "yes" : "no")")
        }
        out.append("ROM version (GS I 3): \(hex(romVersion))")
        return out
    }
}

/// Asks GS I 65/66/67 (text answers framed 0x5F … NUL) and 1/2/3 (one byte each). GS I is
/// processed in order with the print data, so each wait is the status timeout.
struct IdentityQuery {
    let transport: PrinterTransport
    let timing: DriverTiming

    func run() throws -> PrinterIdentity {
        var id = PrinterIdentity()
        try drain()
        id.firmware = try text(65)
        id.maker = try text(66)
        id.model = try text(67)
        id.modelID = try byte(1)
        id.typeID = try byte(2)
        id.romVersion = try byte(3)
        return id
    }

    private func drain() throws {
        let deadline = MonotonicDeadline(seconds: 0.3)
        while !deadline.hasPassed(), !(try transport.read(timeout: timing.drain)).isEmpty {}
    }

    private func ask(_ n: UInt8) throws { try transport.write([EscPos.GS, 0x49, n], timeout: timing.write) }

    /// At most 80 characters kept: a model name, not whatever a confused device streams.
    private func text(_ n: UInt8) throws -> String? {
        try ask(n)
        var bytes: [UInt8] = []
        var started = false
        let deadline = MonotonicDeadline(seconds: timing.statusReply)
        while deadline.secondsLeft() > 0 {
            for b in try transport.read(timeout: min(0.25, max(0.01, deadline.secondsLeft()))) {
                if !started { started = b == 0x5F; continue }
                if b == 0 {
                    let s = String(decoding: bytes.filter { $0 >= 0x20 && $0 < 0x7F }.prefix(80), as: UTF8.self)
                    return s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s.trimmingCharacters(in: .whitespaces)
                }
                bytes.append(b)
            }
        }
        return nil
    }

    private func byte(_ n: UInt8) throws -> UInt8? {
        try ask(n)
        let deadline = MonotonicDeadline(seconds: timing.statusReply)
        while deadline.secondsLeft() > 0 {
            if let b = try transport.read(timeout: min(0.25, max(0.01, deadline.secondsLeft()))).first { return b }
        }
        return nil
    }
}

extension PrinterDriver {
    /// Asks the printer who it is (GS I). Throws when the link is down; fields it did not
    /// answer stay nil.
    public func identify() throws -> PrinterIdentity {
        try link.withLock { _ in
            try connectIfNeeded()
            return try IdentityQuery(transport: transport, timing: timing).run()
        }
    }
}
