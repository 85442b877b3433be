import Foundation
import Synchronization
import TillCore
import TillScanning
import TillScreen

/// Reads a scanner device (serial:// or evdev://) on its own thread and hands each scan,
/// interpreted (symbology, check digit, embedded weight), to the screen. A scanner that is
/// unplugged or refused is reported once and reopened every two seconds.
final class DeviceScanFeed: ScanSource, Sendable {
    private enum Reader {
        case serial(SerialScanner)
        case evdev(EvdevScanner)

        func next(_ timeoutMs: Int) throws(DeviceError) -> RawScan? {
            switch self {
            case .serial(let s): return try s.nextScan(timeoutMs: timeoutMs)
            case .evdev(let e): return try e.nextScan(timeoutMs: timeoutMs)
            }
        }

        func close() {
            switch self {
            case .serial(let s): s.close()
            case .evdev(let e): e.close()
            }
        }
    }

    private let endpoint: ScannerEndpoint
    private let name: String
    private let interpreter = ScanInterpreter()
    /// Handed from the reader thread to the screen's loop.
    private let shared = Mutex<(queued: [ScannedInput], online: Bool, running: Bool)>(([], false, true))

    init(endpoint: ScannerEndpoint) {
        self.endpoint = endpoint
        switch endpoint {
        case .serial(let path, _, _), .evdev(let path, _, _): name = (path as NSString).lastPathComponent
        case .keyboard: name = "keyboard"
        }
        Thread { [self] in loop() }.start()
    }

    var label: LocalizedText {
        shared.withLock {
            $0.online ? LocalizedText(en: "scanner: \(name)", zh: "扫描枪：\(name)")
                   : LocalizedText(en: "scanner: OFFLINE", zh: "扫描枪：离线")
        }
    }

    func takeScans() -> [ScannedInput] {
        shared.withLock { shared in
            defer { shared.queued.removeAll() }
            return shared.queued
        }
    }

    func stop() { shared.withLock { $0.running = false } }

    private var isRunning: Bool { shared.withLock { $0.running } }

    private func open() throws(DeviceError) -> Reader {
        switch endpoint {
        case .serial(let path, let settings, let suffix):
            return .serial(try SerialScanner(path: path, settings: settings, suffix: suffix))
        case .evdev(let path, let layout, let grab):
            return .evdev(try EvdevScanner(path: path, layout: KeyboardLayout.named(layout) ?? .us, grab: grab))
        case .keyboard:
            // The terminal is read by the screen itself; a feed is only made for devices.
            throw DeviceError(operation: .open, path: "keyboard", errno: ENODEV)
        }
    }

    private func loop() {
        var reported = false
        while isRunning {
            let reader: Reader
            do { reader = try open() } catch {
                if !reported { post(.problem(error.report)) }
                reported = true
                Thread.sleep(forTimeInterval: 2)
                continue
            }
            shared.withLock { $0.online = true }
            reported = false
            while isRunning {
                do {
                    guard let scan = try reader.next(200) else { continue }
                    let interpretation = interpreter.interpret(scan.bytes)
                    switch interpretation.registerAction() {
                    case .success(let action): post(.action(action))
                    case .failure(let problem):
                        post(problem.refusal.map(ScannedInput.refused) ?? .problem(problem.report))
                    }
                } catch {
                    post(.problem(error.report))
                    break
                }
            }
            reader.close()
            shared.withLock { $0.online = false }
        }
    }

    private func post(_ input: ScannedInput) { shared.withLock { $0.queued.append(input) } }
}
