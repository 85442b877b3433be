import Foundation
import TillCore
import TillEscPos
import TillGraphics
import TillRuntime
import TillVirtualPrinter

/// The built-in printer: slips are encoded as ESC/POS for a real profile and fed to the
/// virtual printer in this process, which renders each cut into the slip folder as NNN.png and
/// NNN.txt. It is asked for its status before and after every job, like a real printer, so an
/// injected fault (paper out, cover open …) fails the job with its cause.
final class VirtualSlipPrinter: SlipPrinter, PrinterStateReporting {
    let printer: VirtualPrinter
    let encoder: SlipEncoder
    let writer: PageWriter
    let directory: String
    private var control: ControlServer?

    init(profile: PrinterProfile, directory: String, controlSocket: String?, faults: [Fault] = []) throws {
        printer = VirtualPrinter(profile: profile, faults: faults)
        encoder = SlipEncoder(profile: profile)
        self.directory = directory
        do { writer = try PageWriter(directory: directory) } catch {
            throw CLIError(en: "Cannot create the slip folder \(directory): \(error).", zh: "无法创建小票文件夹 \(directory)：\(error)。",
                           remedyEn: "Pass --slips DIR with a folder you can write, or fix its permissions.",
                           remedyZh: "请用 --slips DIR 指定可写的文件夹，或修正权限。")
        }
        if let controlSocket {
            let server = try ControlServer(path: controlSocket, printer: printer)
            server.start()
            control = server
        }
    }

    var name: String { "virtual \(encoder.profile.id) printer in \(directory)" }

    /// DLE EOT 1–4, answered in real time as a real printer does.
    func status() -> PrinterStatus {
        var status = PrinterStatus()
        for n in PrinterStatus.queries {
            for byte in printer.receive(EscPos.realTimeStatus(n)) where status.apply(reply: byte, to: n) { break }
        }
        return status
    }

    func currentState() -> PrinterState {
        let s = status()
        if s.paperOut { return .paperOut }
        if s.coverOpen { return .coverOpen }
        if s.cutterError || s.unrecoverableError { return .error }
        if s.offline { return .offline }
        return s.paperNearEnd ? .paperLow : .ready
    }

    func print(_ slip: SlipDocument) -> PrintOutcome {
        if let cause = status().blockingCause { return .failed(cause: cause) }
        do {
            let job = try encoder.encode(slip)
            _ = printer.receive(job.bytes)
            _ = try writer.write(printer.takeNewPages())
        } catch {
            return .failed(cause: "\(error)")
        }
        // Paper can run out part-way: what followed was lost, so the slip did not print.
        if let cause = status().blockingCause { return .failed(cause: cause) }
        return .printed
    }

    func openDrawer() -> PrintOutcome {
        if let cause = status().blockingCause { return .failed(cause: cause) }
        let drawer = encoder.profile.drawer
        _ = printer.receive(EscPos.drawerKick(pin: drawer.pins.first ?? 2, onMs: drawer.pulseMs, offMs: drawer.pulseMs))
        return .printed
    }
}
