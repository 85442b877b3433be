import Foundation
import Testing
@testable import TillGraphics

/// Runs Debian's zbarimg (package zbar-tools) on PNGs: an independent decoder for our symbols.
enum ZBar {
    static let path = "/usr/bin/zbarimg"

    /// Decoded symbols as zbarimg prints them ("QR-Code:data", "EAN-13:…"), one per element.
    static func scan(png: [UInt8], extraArguments: [String] = []) throws -> [String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-zbar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("symbol.png")
        try Data(png).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--quiet", "--raw", "-Sbinary"] + extraArguments + [file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: out, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.isEmpty ? [] : [text]
    }

    /// zbarimg -Sbinary prints raw bytes, no newline after; returns them exactly (one symbol per image).
    static func scanBytes(png: [UInt8]) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-zbar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("symbol.png")
        try Data(png).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--quiet", "--raw", "-Sbinary", "--oneshot", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return [UInt8](out)
    }
}

/// A QR symbol drawn at `scale` dots per module with the 4-module quiet zone.
func qrBitmap(_ qr: QRCode, scale: Int = 3) -> Bitmap {
    let side = (qr.size + 8) * scale
    var bitmap = Bitmap(width: side, height: side)
    for y in 0..<side {
        for x in 0..<side where qr[x / scale - 4, y / scale - 4] {
            bitmap[x, y] = true
        }
    }
    return bitmap
}

@Suite struct QRCodeTests {
    @Test func versionOneByteModeHasTheRightSizeAndFinderPatterns() throws {
        let qr = try QRCode.encode(Array("hello".utf8), level: .medium)
        #expect(qr.version == 1)
        #expect(qr.size == 21)
        // Finder pattern corners: dark outer ring, light separator.
        #expect(qr[0, 0] && qr[6, 0] && qr[0, 6] && qr[6, 6])
        #expect(!qr[7, 7] && !qr[1, 1] && qr[2, 2])
        #expect(qr[20, 0] && qr[0, 20])
        #expect(qr[8, 13])  // the dark module
        // Timing pattern alternates.
        #expect(qr[8, 6] && !qr[9, 6] && qr[10, 6])
    }

    @Test func knownCapacitiesPickTheExpectedVersion() throws {
        // Byte-mode capacities from the ISO table: v1-L holds 17 bytes, v1-H 7, v40-L 2953.
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 17), level: .low).version == 1)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 18), level: .low).version == 2)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 7), level: .high).version == 1)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 8), level: .high).version == 2)
        #expect(try QRCode.encode([UInt8](repeating: 0x61, count: 2953), level: .low).version == 40)
        // Numeric mode: v1-L holds 41 digits.
        #expect(try QRCode.encode([UInt8](repeating: 0x31, count: 41), level: .low).version == 1)
        #expect(try QRCode.encode([UInt8](repeating: 0x31, count: 42), level: .low).version == 2)
        // Alphanumeric: v1-L holds 25 characters.
        #expect(try QRCode.encode([UInt8](repeating: 0x41, count: 25), level: .low).version == 1)
    }

    @Test func tooMuchDataIsAClearError() {
        #expect(throws: QRCodeError.dataTooLong(bytes: 2954, level: .low, maximumBytes: 2953)) {
            try QRCode.encode([UInt8](repeating: 0x61, count: 2954), level: .low)
        }
        let message = QRCodeError.dataTooLong(bytes: 2954, level: .low, maximumBytes: 2953).description
        #expect(message.contains("lower error-correction level"))
    }

    @Test func formatInformationMatchesTheStandardForMaskAndLevel() throws {
        // ISO 18004 Table C.1: level M, mask 5 -> 100000011001110 (0x40CE).
        let qr = try QRCode.encode(Array("01234567".utf8), level: .medium, minimumVersion: 1, mask: 5)
        var bits = 0
        // Copy 1, bits 14…9 along row 8 from x = 0.
        let positions: [(Int, Int)] = [(0, 8), (1, 8), (2, 8), (3, 8), (4, 8), (5, 8), (7, 8), (8, 8), (8, 7), (8, 5), (8, 4), (8, 3), (8, 2), (8, 1), (8, 0)]
        for (x, y) in positions { bits = bits << 1 | (qr[x, y] ? 1 : 0) }
        #expect(bits == 0x40CE)
    }

    @Test(arguments: [QRErrorCorrection.low, .medium, .quartile, .high])
    func zbarimgReadsEveryLevelAcrossVersions(level: QRErrorCorrection) throws {
        // Lengths chosen to land in versions 1, ~5, ~10 (block interleaving, version info) and ~20.
        let texts: [[UInt8]] = [
            Array("https://till.example/r/0001".utf8),
            Array(String(repeating: "Receipt 42 total 12.50 EUR; ", count: 3).utf8),
            Array(String(repeating: "lorem ipsum dolor sit amet ", count: 7).utf8),
            Array(String(repeating: "0123456789abcdefghij", count: 20).utf8),
        ]
        for text in texts {
            let qr = try QRCode.encode(text, level: level)
            let read = try ZBar.scanBytes(png: PNG.encode(qrBitmap(qr)))
            #expect(read == text, "version \(qr.version) level \(level): read \(read.count) bytes of \(text.count)")
        }
    }

    @Test
    func zbarimgReadsNumericAlphanumericAndEveryMask() throws {
        let numeric = Array("31415926535897932384626433832795028841971".utf8)
        let alnum = Array("TILL:RECEIPT/2024-0001 $12.50".utf8)
        for mask in 0..<8 {
            for data in [numeric, alnum] {
                let qr = try QRCode.encode(data, level: .medium, minimumVersion: 1, mask: mask)
                #expect(qr.mask == mask)
                #expect(try ZBar.scanBytes(png: PNG.encode(qrBitmap(qr))) == data, "mask \(mask)")
            }
        }
    }

    @Test
    func zbarimgReadsALargeVersionWithBinaryBytes() throws {
        var data = [UInt8]()
        var seed: UInt32 = 7
        for _ in 0..<1200 {
            seed = seed &* 1_103_515_245 &+ 12345
            data.append(UInt8(truncatingIfNeeded: seed >> 16) | 0x20 & 0x7F)
        }
        let qr = try QRCode.encode(data, level: .low)
        #expect(qr.version >= 25)
        let read = try ZBar.scanBytes(png: PNG.encode(qrBitmap(qr, scale: 2)))
        #expect(read == data, "version \(qr.version): read \(read.count) bytes of \(data.count)")
    }
}
