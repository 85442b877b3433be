import Foundation
import Synchronization
import TillEscPos
import TillGraphics

/// One page of output (the paper between two cuts) with its text and picture.
public struct RenderedPage: Sendable, Hashable {
    /// 1, 2, 3 … in order of cutting since the printer was created.
    public let number: Int
    public let page: Page
    /// The text rendering (format in `TextRenderer`).
    public let text: String
    /// Printable width in dots.
    public let width: Int

    /// The dots, drawn on demand (a few milliseconds per page).
    public func bitmap(font: BitmapFont? = VirtualPrinter.defaultFont()) -> Bitmap {
        BitmapRenderer(width: width, font: font).render(page)
    }

    /// A 1-bit PNG of the page (an empty page gives a 1-dot-high strip).
    public func png(font: BitmapFont? = VirtualPrinter.defaultFont()) -> [UInt8] {
        var b = bitmap(font: font)
        if b.height == 0 { b = Bitmap(width: width, height: 1) }
        return PNG.encode(b)
    }
}

/// How fast the virtual printer gets through what it receives.
public enum PrintPace: Sendable, Hashable {
    /// Everything is processed the moment it arrives (tests of the decoder, the till's
    /// built-in printer).
    case instant
    /// Like a real printer: bytes wait in a receive buffer of `bufferBytes` and are printed
    /// at the profile's paper speed. Real-time commands (DLE EOT, DLE ENQ, DLE DC4) are
    /// answered on arrival, in-sequence ones (GS r, GS ( H, GS I) only once everything
    /// before them has printed, and a fault can strike while data still waits.
    case paper(bufferBytes: Int)

    /// An Epson TM's default receive buffer.
    public static let buffered = PrintPace.paper(bufferBytes: 4096)
}

/// An ESC/POS printer in software: feed it bytes, read its replies and the pages it printed.
/// Thread-safe: a socket thread may call `receive` while another injects faults or reads pages.
///
///     let printer = VirtualPrinter(profile: profile)
///     let replies = printer.receive(bytes)      // e.g. DLE EOT answers
///     printer.inject(.paperOut)
///     for page in printer.pages { print(page.text) }
public final class VirtualPrinter: Sendable {
    /// Everything that changes, behind one Mutex: the socket threads, the print head and the
    /// fault injector all go through it.
    private struct State {
        var engine: PrintEngine
        var rendered: [RenderedPage] = []
        var handedOut = 0
        var pagesCut = 0
        var handler: (@Sendable ([UInt8]) -> Void)?
        var printedHandler: (@Sendable () -> Void)?
        /// Received and not yet printed (paced printers only).
        var buffer: [UInt8] = []
        /// A piece taken from the buffer is being printed.
        var printing = false
    }
    private let state: Mutex<State>
    /// Pages kept for `pages` and `takeNewPages` (older ones are dropped).
    public static let pagesKept = 512
    public let profile: PrinterProfile
    public let pace: PrintPace
    private let bufferFilled = DispatchSemaphore(value: 0)

    public init(profile: PrinterProfile, faults: [Fault] = [], pace: PrintPace = .instant) {
        self.profile = profile
        self.pace = pace
        var engine = PrintEngine(profile: profile)
        for fault in faults { engine.inject(fault) }
        _ = engine.takeReplies()
        state = Mutex(State(engine: engine))
        if case .paper = pace { startPrintHead() }
    }

    /// Unifont, loaded once; nil when the Debian package `unifont` is missing.
    public static func defaultFont() -> BitmapFont? { try? BitmapFont.cached() }

    /// Feeds bytes from the host; returns the bytes the printer sends back at once. A paced
    /// printer takes at most `receiveRoom` bytes (the rest is dropped and noted, as a real
    /// printer's overflow is: hosts wait for room, as the servers do); what it prints later
    /// answers through `replyHandler`.
    @discardableResult
    public func receive(_ bytes: [UInt8]) -> [UInt8] {
        state.withLock { s in
            guard case .paper(let capacity) = pace else {
                let replies = s.engine.receive(bytes)
                collectPages(&s)
                return replies
            }
            var accepted = s.engine.arrive(bytes)
            let room = max(0, capacity - s.buffer.count)
            if accepted.count > room {
                s.engine.diagnose("receive buffer overflow: \(accepted.count - room) bytes dropped", at: s.engine.streamOffset)
                accepted.removeLast(accepted.count - room)
            }
            s.buffer += accepted
            bufferFilled.signal()
            return s.engine.takeReplies()
        }
    }

    /// Bytes the receive buffer can take now (`Int.max` for an instant printer).
    public var receiveRoom: Int {
        state.withLock { s in
            guard case .paper(let capacity) = pace else { return Int.max }
            return max(0, capacity - s.buffer.count)
        }
    }

    /// Called on the print head's thread after a piece was printed (servers write pages then).
    public var onPrinted: (@Sendable () -> Void)? {
        get { state.withLock { $0.printedHandler } }
        set { state.withLock { $0.printedHandler = newValue } }
    }

    /// The paced print head: takes small pieces from the buffer and prints them, taking as
    /// long as the paper they move needs at the profile's speed. Offline, nothing moves, so
    /// the buffer empties at once and what it held is lost (noted on the page). Ends with the
    /// printer.
    private func startPrintHead() {
        let dotsPerSecond = max(1, profile.paperSpeed * Double(profile.media.dpi) / 25.4)
        let wake = bufferFilled
        let thread = Thread { [weak self] in
            while true {
                guard let self else { return }
                let step: (replies: [UInt8], reply: (@Sendable ([UInt8]) -> Void)?, printed: (@Sendable () -> Void)?, seconds: Double)? =
                    self.state.withLock { s in
                        guard !s.buffer.isEmpty else { return nil }
                        let piece = Array(s.buffer.prefix(32))
                        s.buffer.removeFirst(piece.count)
                        s.printing = true
                        let before = s.engine.fedDots
                        s.engine.process(piece)
                        self.collectPages(&s)
                        let moved = s.engine.fedDots - before
                        return (s.engine.takeReplies(), s.handler, s.printedHandler, Double(max(0, moved)) / dotsPerSecond)
                    }
                guard let step else {
                    _ = wake.wait(timeout: .now() + 0.2)
                    continue
                }
                // The pages this piece finished are written before its replies go out: a host
                // whose confirmation query was in this piece must find the page already kept.
                step.printed?()
                if !step.replies.isEmpty { step.reply?(step.replies) }
                if step.seconds > 0 { usleep(useconds_t(min(step.seconds, 10) * 1_000_000)) }
                self.state.withLock { $0.printing = false }
            }
        }
        thread.name = "till-vp-head"
        thread.start()
    }

    /// Waits until everything received has been printed (paced printers; at once otherwise).
    public func waitUntilPrinted() {
        while state.withLock({ !$0.buffer.isEmpty || $0.printing }) { usleep(2_000) }
    }

    /// Nothing has arrived for a while (the servers call this after an idle gap): a printer
    /// without a cutter ends its page so the slip is written. Returns false while buffered
    /// data is still printing (the gap has not really begun).
    @discardableResult
    public func idle() -> Bool {
        state.withLock { s in
            guard s.buffer.isEmpty, !s.printing else { return false }
            s.engine.endPageIfIdle()
            collectPages(&s)
            return true
        }
    }

    /// The host closed the link or the input file ended: what is buffered prints first, then
    /// a half command is reported, and the uncut tail becomes a page of its own.
    public func finish() {
        waitUntilPrinted()
        state.withLock { s in
            s.engine.finish()
            collectPages(&s)
        }
    }

    /// Injects a fault now. Replies it causes (automatic status back) go to `replyHandler` if
    /// one is set, and are returned otherwise.
    @discardableResult
    public func inject(_ fault: Fault) -> [UInt8] {
        let (replies, h): ([UInt8], (@Sendable ([UInt8]) -> Void)?) = state.withLock { s in
            s.engine.inject(fault)
            collectPages(&s)
            return (s.engine.takeReplies(), s.handler)
        }
        if let h, !replies.isEmpty { h(replies); return [] }
        return replies
    }

    /// Where unsolicited replies (automatic status back on a runtime fault) are sent: the
    /// servers set it to write to their connection.
    public var replyHandler: (@Sendable ([UInt8]) -> Void)? {
        get { state.withLock { $0.handler } }
        set { state.withLock { $0.handler = newValue } }
    }

    /// The pages cut (or ended by `finish`) so far, the newest `pagesKept` of them.
    public var pages: [RenderedPage] { state.withLock { $0.rendered } }

    /// Pages finished since the last call (for servers writing NNN.png as they come).
    public func takeNewPages() -> [RenderedPage] {
        state.withLock { s in
            let new = Array(s.rendered[s.handedOut...])
            s.handedOut = s.rendered.count
            return new
        }
    }

    public var condition: PrinterCondition { state.withLock { $0.engine.condition } }
    public var diagnostics: [Diagnostic] { state.withLock { $0.engine.diagnostics } }

    /// The connection should be dropped now (`disconnect-after` reached). Reading it clears it.
    public func takeDisconnectRequest() -> Bool {
        state.withLock { s in
            defer { s.engine.disconnectRequested = false }
            return s.engine.disconnectRequested
        }
    }

    /// Bytes the host has sent so far, status queries included: how far a job has got on the wire.
    public var bytesReceived: Int { state.withLock { $0.engine.streamOffset } }

    /// Line speed the servers throttle input to (`baud` fault), nil for full speed.
    public var baud: Int? { state.withLock { $0.engine.baud } }

    private func collectPages(_ s: inout State) {
        guard !s.engine.finishedPages.isEmpty else { return }
        let fontA = profile.fonts.first?.widthDots ?? 12
        let columns = profile.fonts.first?.columns ?? (profile.media.dots / fontA)
        for page in s.engine.finishedPages {
            let text = TextRenderer.render(page, columns: columns, fontWidth: fontA, lineSpacing: s.engine.defaultLineSpacing)
            s.pagesCut += 1
            s.rendered.append(RenderedPage(number: s.pagesCut, page: page, text: text, width: profile.media.dots))
        }
        s.engine.finishedPages.removeAll()
        // Memory stays bounded on an endless stream: only the newest pages are kept.
        if s.rendered.count > VirtualPrinter.pagesKept {
            let drop = s.rendered.count - VirtualPrinter.pagesKept
            s.rendered.removeFirst(drop)
            s.handedOut = max(0, s.handedOut - drop)
        }
    }
}

extension VirtualPrinter {
    /// How far the paper moves, in dots, when this model prints `bytes` from power-on: the
    /// virtual printer's own model of paper motion, which the driver uses to know how long a
    /// job takes to come out.
    public static func paperTravel(of bytes: [UInt8], profile: PrinterProfile) -> Int {
        var engine = PrintEngine(profile: profile)
        _ = engine.receive(bytes)
        return engine.fedDots
    }
}
