import Foundation
import Synchronization
import TillCore
import TillEscPos

/// Drives a real customer display over any printer transport (serial, USB, TCP, lp): the
/// screen hands it the content after every action, and its own thread sends what changed, so
/// a slow serial line never holds up the keys. A display that is unplugged is reopened every
/// two seconds and sent everything again (`ESC @` first: it may have been power-cycled).
public final class CustomerDisplayDriver: Sendable {
    private struct Shared {
        var wanted: CustomerDisplayContent?
        var sent: CustomerDisplayContent?
        var online = false
        var running = true
        var problem: ProblemReport?
    }

    public let profile: CustomerDisplayProfile
    private let shared = Mutex(Shared())
    private let makeTransport: @Sendable () throws -> PrinterTransport

    public init(address: PrinterAddress, profile: CustomerDisplayProfile) {
        self.profile = profile
        self.makeTransport = { try TransportFactory.make(address) }
    }

    /// What the customer should see now; sent as soon as the link takes it.
    public func show(_ content: CustomerDisplayContent) { shared.withLock { $0.wanted = content } }

    public var isOnline: Bool { shared.withLock { $0.online } }

    /// Why the display cannot be reached, with the fix; nil while it takes what is sent.
    public var problem: ProblemReport? { shared.withLock { $0.problem } }

    public func start() {
        let thread = Thread { [self] in loop() }
        thread.name = "till-customer-display"
        thread.start()
    }

    public func stop() { shared.withLock { $0.running = false } }

    private func loop() {
        var transport: PrinterTransport?
        var nextOpen: MonotonicDeadline?
        while shared.withLock({ $0.running }) {
            let (wanted, sent) = shared.withLock { ($0.wanted, $0.sent) }
            guard let wanted, wanted != sent else { Thread.sleep(forTimeInterval: 0.02); continue }
            do {
                if transport == nil {
                    guard nextOpen?.hasPassed() ?? true else { Thread.sleep(forTimeInterval: 0.05); continue }
                    let link = try makeTransport()
                    try link.open()
                    try link.write(CustomerDisplayEncoder.reset(profile), timeout: 2)
                    transport = link
                }
                try transport?.write(CustomerDisplayEncoder.show(wanted, profile), timeout: 2)
                shared.withLock { $0.sent = wanted; $0.online = true; $0.problem = nil }
            } catch {
                let device = error as? PrinterDeviceError
                let problem = ProblemReport(
                    code: device?.code ?? "display_unreachable",
                    message: LocalizedText(en: "Customer display: " + (device?.message.en ?? "\(error)"),
                                           zh: "客显：" + (device?.message.zh ?? "\(error)")),
                    remedy: device?.remedy ?? LocalizedText(en: "Check display.url and the cable; the till retries every two seconds.",
                                                             zh: "请检查 display.url 和连接线；收银程序每两秒重试一次。"))
                transport?.close()
                transport = nil
                nextOpen = MonotonicDeadline(seconds: 2)
                shared.withLock { $0.online = false; $0.sent = nil; $0.problem = problem }
            }
        }
        transport?.close()
    }
}
