import Foundation
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

/// An ESC/POS printer in software: feed it bytes, read its replies and the pages it printed.
/// Thread-safe: a socket thread may call `receive` while another injects faults or reads pages.
///
///     let printer = VirtualPrinter(profile: profile)
///     let replies = printer.receive(bytes)      // e.g. DLE EOT answers
///     printer.inject(.paperOut)
///     for page in printer.pages { print(page.text) }
public final class VirtualPrinter: @unchecked Sendable {  // all state behind `lock`
    private let lock = NSLockBox()
    private var engine: PrintEngine
    private var rendered: [RenderedPage] = []
    private var handedOut = 0
    private var handler: (@Sendable ([UInt8]) -> Void)?
    public let profile: PrinterProfile

    public init(profile: PrinterProfile, faults: [Fault] = []) {
        self.profile = profile
        engine = PrintEngine(profile: profile)
        for fault in faults { engine.inject(fault) }
        _ = engine.takeReplies()
    }

    /// Unifont, loaded once; nil when the Debian package `unifont` is missing.
    public static func defaultFont() -> BitmapFont? { try? BitmapFont.cached() }

    /// Feeds bytes from the host; returns the bytes the printer sends back.
    @discardableResult
    public func receive(_ bytes: [UInt8]) -> [UInt8] {
        lock.withLock {
            let replies = engine.receive(bytes)
            collectPages()
            return replies
        }
    }

    /// The host closed the link or the input file ended: a half command is reported, and the
    /// uncut tail becomes a page of its own.
    public func finish() {
        lock.withLock {
            engine.finish()
            collectPages()
        }
    }

    /// Injects a fault now. Replies it causes (automatic status back) go to `replyHandler` if
    /// one is set, and are returned otherwise.
    @discardableResult
    public func inject(_ fault: Fault) -> [UInt8] {
        let (replies, h): ([UInt8], (@Sendable ([UInt8]) -> Void)?) = lock.withLock {
            engine.inject(fault)
            collectPages()
            return (engine.takeReplies(), handler)
        }
        if let h, !replies.isEmpty { h(replies); return [] }
        return replies
    }

    /// Where unsolicited replies (automatic status back on a runtime fault) are sent: the
    /// servers set it to write to their connection.
    public var replyHandler: (@Sendable ([UInt8]) -> Void)? {
        get { lock.withLock { handler } }
        set { lock.withLock { handler = newValue } }
    }

    /// Every page cut (or ended by `finish`) so far.
    public var pages: [RenderedPage] { lock.withLock { rendered } }

    /// Pages finished since the last call (for servers writing NNN.png as they come).
    public func takeNewPages() -> [RenderedPage] {
        lock.withLock {
            let new = Array(rendered[handedOut...])
            handedOut = rendered.count
            return new
        }
    }

    public var condition: PrinterCondition { lock.withLock { engine.condition } }
    public var diagnostics: [Diagnostic] { lock.withLock { engine.diagnostics } }

    /// The connection should be dropped now (`disconnect-after` reached). Reading it clears it.
    public func takeDisconnectRequest() -> Bool {
        lock.withLock {
            defer { engine.disconnectRequested = false }
            return engine.disconnectRequested
        }
    }

    /// Line speed the servers throttle input to (`baud` fault), nil for full speed.
    public var baud: Int? { lock.withLock { engine.baud } }

    private func collectPages() {
        guard !engine.finishedPages.isEmpty else { return }
        let fontA = profile.fonts.first?.widthDots ?? 12
        let columns = profile.fonts.first?.columns ?? (profile.media.dots / fontA)
        for page in engine.finishedPages {
            let text = TextRenderer.render(page, columns: columns, fontWidth: fontA, lineSpacing: engine.defaultLineSpacing)
            rendered.append(RenderedPage(number: rendered.count + 1, page: page, text: text, width: profile.media.dots))
        }
        engine.finishedPages.removeAll()
    }
}
