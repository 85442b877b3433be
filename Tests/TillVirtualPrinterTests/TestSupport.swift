import Foundation
import TillEscPos
import TillGraphics
@testable import TillVirtualPrinter

/// Profiles from the repository's Devices/printers (found from this file's path).
enum Profiles {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("Devices/printers")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        }
        return "Devices/printers"
    }()

    static func load(_ id: String) throws -> PrinterProfile {
        try ProfileLibrary.load(file: directory + "/" + id + ".json")
    }

    /// Full-featured Epson: DLE EOT, GS a, GS r, native QR, NV graphics, partial cut, 512 dots.
    static var epson: PrinterProfile { get throws { try load("epson-tm-t88vi") } }
    /// 576 dots, DLE EOT only, no native QR.
    static var generic80: PrinterProfile { get throws { try load("generic-80") } }
}

/// A fresh folder under the temporary directory (the caller removes it).
func temporaryFolder(_ prefix: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Byte builders for tests: readable names for the commands.
enum B {
    static let esc: UInt8 = 0x1B, gs: UInt8 = 0x1D, fs: UInt8 = 0x1C, dle: UInt8 = 0x10, lf: UInt8 = 0x0A
    static let initialize: [UInt8] = [esc, 0x40]
    static func text(_ s: String) -> [UInt8] { Array(s.utf8) }
    static func line(_ s: String) -> [UInt8] { Array(s.utf8) + [lf] }
    static func bold(_ on: Bool) -> [UInt8] { [esc, 0x45, on ? 1 : 0] }
    static func underline(_ n: UInt8) -> [UInt8] { [esc, 0x2D, n] }
    static func align(_ n: UInt8) -> [UInt8] { [esc, 0x61, n] }
    static func size(_ w: UInt8, _ h: UInt8) -> [UInt8] { [gs, 0x21, (w - 1) << 4 | (h - 1)] }
    static func reverse(_ on: Bool) -> [UInt8] { [gs, 0x42, on ? 1 : 0] }
    static func codePage(_ n: UInt8) -> [UInt8] { [esc, 0x74, n] }
    static let fullCut: [UInt8] = [gs, 0x56, 0]
    static let partialCut: [UInt8] = [gs, 0x56, 1]
    static func feedCut(partial: Bool, _ n: UInt8) -> [UInt8] { [gs, 0x56, partial ? 66 : 65, n] }
    static func dleEot(_ n: UInt8) -> [UInt8] { [dle, 0x04, n] }
    static func gsR(_ n: UInt8) -> [UInt8] { [gs, 0x72, n] }
    static func gsA(_ n: UInt8) -> [UInt8] { [gs, 0x61, n] }
    static func barcodeB(_ m: UInt8, _ data: [UInt8]) -> [UInt8] { [gs, 0x6B, m, UInt8(data.count)] + data }
    static func barcodeA(_ m: UInt8, _ data: [UInt8]) -> [UInt8] { [gs, 0x6B, m] + data + [0] }
    static func barcodeSetup(height: UInt8 = 80, width: UInt8 = 2, hri: UInt8 = 2) -> [UInt8] {
        [gs, 0x68, height, gs, 0x77, width, gs, 0x48, hri]
    }
    static func qr(_ data: [UInt8], size: UInt8 = 6, level: UInt8 = 49) -> [UInt8] {
        let store = data.count + 3
        return [gs, 0x28, 0x6B, 4, 0, 49, 65, 50, 0]
            + [gs, 0x28, 0x6B, 3, 0, 49, 67, size]
            + [gs, 0x28, 0x6B, 3, 0, 49, 69, level]
            + [gs, 0x28, 0x6B, UInt8(store & 0xFF), UInt8(store >> 8), 49, 80, 48] + data
            + [gs, 0x28, 0x6B, 3, 0, 49, 81, 48]
    }
    static func raster(_ bitmap: Bitmap) -> [UInt8] {
        let x = bitmap.rowBytes, y = bitmap.height
        return [gs, 0x76, 0x30, 0, UInt8(x & 0xFF), UInt8(x >> 8), UInt8(y & 0xFF), UInt8(y >> 8)] + bitmap.bits
    }
}

/// Runs zbarimg (Debian zbar-tools) on a PNG; returns the decoded symbols, "TYPE:data" each.
enum ZBar {
    static let path = "/usr/bin/zbarimg"

    static func scan(png: [UInt8]) throws -> [String] {
        let out = try readSymbols(tool: path, ["--quiet"], png: png)
        return String(decoding: out, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// Runs a symbol reader (zbarimg, ZXingReader) on a PNG: its standard output. The PNG is
/// written to a temporary file given as the last argument.
func readSymbols(tool: String, _ arguments: [String], png: [UInt8]) throws -> Data {
    let dir = try temporaryFolder("till-vp-read")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let file = dir + "/page.png"
    try Data(png).write(to: URL(fileURLWithPath: file))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments + [file]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return out
}
