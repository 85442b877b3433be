import Foundation
import TillCore
import TillEscPos
import TillPorts

/// The till's printer driver, shaped like a UnifiedPOS POSPrinter: open → claim → enable → print
/// → disable → release → close. One job prints as one unit: status before, send, confirmation
/// after (the profile's `completion` method), and ends printed, failed (with its cause) or unknown. Jobs run one at a time: `submit` queues
/// them on the driver's own queue and never blocks the caller; `print` (the `SlipPrinter`
/// conformance) runs one synchronously for headless use.
///
///     let driver = PrinterDriver(transport: TCPTransport(host: "10.0.0.9", port: 9100), profile: p)
///     try driver.open(); try driver.claim(); driver.enable()
///     driver.submit(slip) { outcome in … }          // on the driver's queue
public final class PrinterDriver: SlipPrinter, @unchecked Sendable {  // mutable state behind `lock`; jobs behind `jobLock`
    public enum Lifecycle: Sendable, Equatable { case closed, opened, claimed, enabled }

    /// UnifiedPOS state and power folded together: what a screen shows.
    public enum State: Sendable, Equatable {
        case idle, busy
        /// The printer answered but cannot print (paper out, cover open …).
        case error(cause: String)
        /// No link or no answer.
        case offline(cause: String)
    }

    public let profile: PrinterProfile
    public let capabilities: PrinterCapabilities
    public let timing: DriverTiming
    let transport: PrinterTransport
    let encoder: any SlipEncoding
    /// The shop logo for receipts (set before the first job); nil prints none.
    public var logo: ShopLogo?
    private let queue: DispatchQueue
    private let lock = NSLock()
    /// Held for a whole job (or status query) so no two interleave on the link.
    let jobLock = NSLock()
    private var lifecycle_: Lifecycle = .closed
    private var state_: State = .offline(cause: "not claimed")
    private var properties_ = PrinterProperties()
    /// Numbers the process IDs of jobs (GS ( H); touched only while `jobLock` is held. Starts
    /// anywhere so a reply to an earlier process's job is never taken for this one's.
    var jobSerial = UInt32.random(in: 0..<10_000)

    public init(transport: PrinterTransport, profile: PrinterProfile, timing: DriverTiming = DriverTiming()) {
        self.transport = transport
        self.profile = profile
        self.timing = timing
        capabilities = PrinterCapabilities(profile)
        encoder = profile.commands.slipEncoder(profile)
        queue = DispatchQueue(label: "till.printer.\(profile.id)")
    }

    public var name: String { "\(transport.name) (\(profile.id))" }
    public var lifecycle: Lifecycle { lock.withLock { lifecycle_ } }
    public var state: State { lock.withLock { state_ } }
    /// The last status the printer reported.
    public var properties: PrinterProperties { lock.withLock { properties_ } }

    // MARK: - lifecycle

    /// Opens the device object (no I/O yet).
    public func open() throws {
        lock.withLock { if lifecycle_ == .closed { lifecycle_ = .opened } }
    }

    /// Takes the link exclusively (USB claim, serial open, TCP connect).
    public func claim() throws {
        guard lifecycle != .closed else { throw Self.notOpen }
        try jobLock.withLock {
            if !transport.isOpen { try transport.open() }
        }
        lock.withLock {
            if lifecycle_ == .opened { lifecycle_ = .claimed }
            state_ = .idle
        }
    }

    /// Accepts jobs; reads the status once so `properties` are known.
    public func enable() {
        lock.withLock { if lifecycle_ != .closed { lifecycle_ = .enabled } }
        _ = try? checkStatus()
    }

    public func disable() {
        lock.withLock { if lifecycle_ == .enabled { lifecycle_ = .claimed } }
    }

    /// Gives the link back (USB: the kernel driver is re-attached).
    public func release() {
        jobLock.withLock { transport.close() }
        lock.withLock {
            if lifecycle_ == .claimed || lifecycle_ == .enabled { lifecycle_ = .opened }
            state_ = .offline(cause: "released")
        }
    }

    public func close() {
        release()
        lock.withLock { lifecycle_ = .closed }
    }

    /// open, claim (a printer switched off is not an error: jobs reconnect) and enable.
    public func start() {
        try? open()
        do { try claim() } catch let e as PrinterDeviceError { setState(.offline(cause: e.cause)) } catch {}
        lock.withLock { lifecycle_ = .enabled }
        if transport.isOpen { _ = try? checkStatus() }
    }

    static let notOpen = PrinterDeviceError(.unsupported, en: "the printer driver is not open", zh: "打印机驱动未打开",
                                     remedyEn: "open the driver first", remedyZh: "请先打开驱动")

    func setState(_ s: State) { lock.withLock { state_ = s } }
    func setProperties(_ s: PrinterStatus) { lock.withLock { properties_ = PrinterProperties(s) } }

    // MARK: - status

    /// Asks the printer now. Nil when it did not answer; throws when the link is down.
    public func checkStatus() throws -> PrinterStatus? {
        try jobLock.withLock {
            try connectIfNeeded()
            let status = try StatusQuery(transport: transport, timing: timing, commands: profile.commands).run()
            if let status {
                setProperties(status)
                setState(status.blockingCause.map { .error(cause: $0) } ?? .idle)
            } else {
                setState(.offline(cause: Self.noAnswer))
            }
            return status
        }
    }

    static let noAnswer = PrintFailure.noAnswer.text.en

    func connectIfNeeded() throws {
        guard lifecycle != .closed else { throw Self.notOpen }
        if !transport.isOpen { try transport.open() }
    }

    // MARK: - SlipPrinter

    public func print(_ slip: SlipDocument) -> PrintOutcome {
        let job: EncodedJob
        do { job = try encoder.encode(slip, options: logo?.options(for: profile) ?? EncodeOptions()) } catch {
            return .failed(cause: .cannotEncode("\(profile.id): \(error)"))
        }
        let outcome = printJob(job.bytes)
        // Only a job the printer took whole may have stored the logo in its NV memory.
        if outcome == .printed { logo?.remember(job.nvState) }
        return outcome
    }

    public func openDrawer() -> PrintOutcome {
        let pin = profile.drawer.pins.first ?? 2
        return printJob(profile.commands.drawerKick(pin: pin, pulseMs: profile.drawer.pulseMs))
    }

    /// Queues a slip; `completion` runs on the driver's queue when it has printed or failed.
    /// Jobs run in the order submitted.
    public func submit(_ slip: SlipDocument, completion: @escaping @Sendable (PrintOutcome) -> Void) {
        queue.async { [self] in completion(print(slip)) }
    }

    /// Queues raw ESC/POS (test pages, drawer kicks) like `submit`.
    public func submit(bytes: [UInt8], completion: @escaping @Sendable (PrintOutcome) -> Void) {
        queue.async { [self] in completion(printJob(bytes)) }
    }

    /// Waits until every job submitted so far has finished (tests, orderly shutdown).
    public func waitForQueuedJobs() { queue.sync {} }
}
