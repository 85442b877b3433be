import Foundation
import Testing

/// A serial barcode scanner on a pseudo-terminal feeding the real till screen: scans arrive as
/// items, a damaged label is refused with its reason, and the status bar names the scanner.
@Suite(.serialized) struct ScannerDeviceScenarioTests {
    @Test func aSerialScannerSellsAndADamagedLabelIsRefused() throws {
        var master: Int32 = -1, slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        #expect(openpty(&master, &slave, &name, nil, nil) == 0)
        defer { close(master); close(slave) }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let till = try TmuxTill(arguments: ["--scanner", "serial://\(path)?baud=9600&suffix=cr"])
        defer { till.close() }
        try till.signIn()
        try till.waitFor("scanner: \((path as NSString).lastPathComponent)")
        func scan(_ code: String) { _ = code.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, strlen($0.baseAddress!)) }
                                    _ = write(master, "\r", 1) }
        scan("6901234567892")
        try till.waitFor("Jasmine tea")
        scan("6901234567891")
        try till.waitFor("check digit is 1 but should be 2")
        scan("6901234567892")
        try till.waitFor("¥50.00")
        try till.press("F2")
        try till.waitFor("CHANGE  ¥0.00")
        let csv = try till.cli(["journal", "export", "--csv"])
        #expect(csv.contains("TEA-JAS"))
    }
}
