import ArgumentParser
import Foundation
import TillCore
import TillScanning

/// `till scanner test URL`: reads scans and shows, for each, the raw bytes, symbology, check
/// digit, GS1 fields, embedded weight/price and (for wedges) key timing. Ctrl-C stops cleanly.
struct ScannerTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Read scans from a scanner and show what each one means.",
        discussion: """
        URL is one of:
          serial:///dev/ttyUSB0?baud=9600&flow=none|xonxoff|rtscts&suffix=cr|lf|crlf|none
          evdev:///dev/input/event5?layout=us|de        (grabbed: scans do not reach the console)
          keyboard                                      (this terminal; scans told from typing by speed)
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Where the scanner is (see above).") var url: String
    @Option(help: "Stop after this many scans.") var count: Int?
    @Option(help: "Stop after this many seconds.") var seconds: Double?
    @Option(name: .customLong("embedded-rule"), help: "In-store EAN-13 layout, e.g. \"2[0-9] IIIII WWWWW K\" (repeatable).")
    var embeddedRules: [String] = []
    @Option(help: "What an in-store code looks up: zeroed, itemCode or prefixAndItem.") var embeddedLookup = "zeroed"
    @Option(help: "Keyboard mode: longest gap between a scan's keys, in ms.") var maxGapMs: Double = 30
    @Flag(help: "One JSON object per scan (for scripts).") var json = false

    func run() throws {
        let config = try global.resolve()
        let lang = config.screenLanguage
        let endpoint: ScannerEndpoint
        do { endpoint = try ScannerEndpoint.parse(url) } catch {
            throw CLIError(code: "scanner_address_unreadable", en: error.message.en, zh: error.message.zh, remedyEn: error.remedy.en, remedyZh: error.remedy.zh)
        }
        let interpreter = ScanInterpreter(embeddedRules: try rules())
        let deadline = seconds.map { monotonicNanoseconds() + UInt64($0 * 1e9) }
        var scanned = 0
        StopSignal.install()
        let report = { (raw: RawScan) in
            scanned += 1
            let r = ScanReport(number: scanned, raw: raw, scan: interpreter.interpret(raw.bytes))
            if json { Output.line(r.json()) } else { r.lines(lang).forEach(Output.line) }
        }
        let shouldStop = {
            StopSignal.requested || (count.map { scanned >= $0 } ?? false) || (deadline.map { monotonicNanoseconds() >= $0 } ?? false)
        }
        do {
            switch endpoint {
            case .serial(let path, let settings, let suffix):
                let scanner = try SerialScanner(path: path, settings: settings, suffix: suffix)
                defer { scanner.close() }
                info("serial \(path): \(try scanner.port.applied()), suffix \(suffix.rawValue); "
                     + "modem lines: \((try? scanner.port.modemLines())?.map { "CTS \($0.clearToSend) DSR \($0.dataSetReady)" } ?? "not available on this device")")
                var warned = false
                while !shouldStop() {
                    if let raw = try scanner.nextScan(timeoutMs: 200) { report(raw) }
                    if !warned, let waiting = scanner.waitingForSuffix(), waiting.ageMs > 1000 {
                        warned = true
                        info("bytes \(waiting.bytes.hexDump) arrived but no \(suffix.rawValue) suffix for \(waiting.ageMs) ms: check the suffix setting")
                    }
                }
            case .evdev(let path, let layoutName, let grab):
                let scanner = try EvdevScanner(path: path, layout: KeyboardLayout.named(layoutName)!, grab: grab)
                defer { scanner.close() }
                let id = scanner.device.identity().map { String(format: "%04x:%04x", $0.vendor, $0.product) } ?? "?"
                info("evdev \(path): \"\(scanner.device.name() ?? "?")\" \(id), layout \(layoutName), \(grab ? "grabbed" : "NOT grabbed")")
                while !shouldStop() {
                    if let raw = try scanner.nextScan(timeoutMs: 200) { report(raw) }
                }
                let unmapped = scanner.decoder.unmappedKeys
                if !unmapped.isEmpty { info("keys with no character in layout \(layoutName): \(unmapped)") }
            case .keyboard:
                try keyboard(maxGapMs: maxGapMs, report: report, shouldStop: shouldStop)
            }
        } catch let error as DeviceError {
            throw CLIError(code: error.code, en: error.message.en, zh: error.message.zh, remedyEn: error.remedy.en, remedyZh: error.remedy.zh)
        }
        info("\(scanned) scan(s)")
    }

    private func keyboard(maxGapMs: Double, report: (RawScan) -> Void, shouldStop: () -> Bool) throws {
        guard let terminal = RawTerminal() else {
            throw CLIError(code: "terminal_required", en: "Keyboard mode needs a terminal on standard input.", zh: "键盘模式需要标准输入为终端。",
                           remedyEn: "Run it in a terminal, or test the scanner through evdev:// or serial://.",
                           remedyZh: "请在终端中运行，或通过 evdev:// 或 serial:// 测试扫描枪。")
        }
        defer { terminal.restore() }
        info("keyboard: scan now (a burst of keys ending in Enter, gaps ≤ \(maxGapMs) ms); Ctrl-C to stop")
        var detector = WedgeBurstDetector(maxGapMs: maxGapMs)
        func handle(_ outputs: [WedgeBurstDetector.Output]) {
            for output in outputs {
                switch output {
                case .scan(let text, let gaps):
                    report(RawScan(bytes: Array(text.utf8), completedAt: monotonicNanoseconds(), keyGapsMs: gaps))
                case .typed(let keys):
                    let text = String(keys).trimmingCharacters(in: .newlines)
                    if !text.isEmpty { info("typed by hand (not a scan): \(visible(text))") }
                }
            }
        }
        while !shouldStop() {
            let bytes = terminal.read(timeoutMs: Int32(max(1, maxGapMs / 2)))
            let now = monotonicNanoseconds()
            handle(bytes.isEmpty ? detector.tick(now: now) : bytes.flatMap { detector.key(Character(Unicode.Scalar($0)), at: now) })
        }
    }

    private func rules() throws -> [EmbeddedRule] {
        guard let lookup = EmbeddedRule.Lookup(rawValue: embeddedLookup) else {
            throw CLIError.badSetting("--embedded-lookup", value: embeddedLookup, expected: "zeroed, itemCode or prefixAndItem")
        }
        do {
            return try (embeddedRules.isEmpty ? ["2[0-9] IIIII WWWWW K"] : embeddedRules).map { try EmbeddedRule($0, lookup: lookup) }
        } catch let error as EmbeddedRule.PatternError {
            throw CLIError.badSetting("--embedded-rule", value: error.pattern, expected: "13 positions ending in K (\(error.reason))")
        }
    }

    /// Device notes go to stderr so that `--json` output stays one object per line.
    private func info(_ text: String) { Output.error(text) }
}
