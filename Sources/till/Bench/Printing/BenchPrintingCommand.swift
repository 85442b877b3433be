import ArgumentParser
import Foundation
import TillCore
import TillEscPos
import TillGraphics
import TillVirtualPrinter

/// `till bench printing`: how fast our encoder, dithering and the virtual printer's decoder
/// are, and how long a receipt takes on a 9600-baud line with the logo in NV memory or sent as
/// raster. Writes the content and our figures as JSON for Scripts/bench-printing, which runs
/// the python-escpos side and prints the ratios.
struct BenchPrintingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "printing",
        abstract: "Encoder, dithering and decoder speed; receipt bytes and 9600-baud send time."
    )

    @Option(help: "Receipts encoded per timing round.")
    var receipts = 2000

    @Option(help: "Images dithered and encoded per timing round.")
    var images = 200

    @Option(help: "Printer profile id (one with GB18030 and native QR, like python-escpos's use).")
    var profile = "epson-tm-t82iii"

    @Option(help: "Directory of printer profiles.")
    var devices = "Devices/printers"

    @Option(help: "Write the content and our figures here (JSON) for the python-escpos comparison.")
    var json: String?

    @Option(help: "Write one encoded receipt and one encoded image here (for byte comparisons).")
    var outDir: String?

    @Flag(help: "Instead: per profile, English and Chinese receipt bytes, 9600-baud seconds, job-to-confirmed time on the virtual printer, ratio to GB18030.")
    var profiles = false

    func run() throws {
        let library = try ProfileLibrary(directory: devices)
        if profiles { return try BenchProfileFigures.run(library: library) }
        let printerProfile = try library.profile(profile)
        let encoder = SlipEncoder(profile: printerProfile)
        let content = BenchContent.standard
        let doc = content.document

        // Receipt encode.
        let receipt = try encoder.encode(doc).bytes
        let receiptSeconds = try BenchTiming.seconds(runs: receipts) { _ = try encoder.encode(doc) }
        let perReceipt = receiptSeconds / Double(receipts)

        // Image: Floyd–Steinberg and threshold, then GS v 0.
        let gray = content.image
        func encodeImage(_ method: Dither.Method) -> [UInt8] {
            var w = EscPosWriter(profile: printerProfile, text: encoder.text, reserve: 24_000)
            w.raster(Dither.apply(method, to: gray))
            return w.bytes
        }
        let imageBytes = encodeImage(.floydSteinberg)
        let fsSeconds = BenchTiming.seconds(runs: images) { _ = encodeImage(.floydSteinberg) } / Double(images)
        let thresholdSeconds = BenchTiming.seconds(runs: images) { _ = encodeImage(.threshold) } / Double(images)

        // Decoder throughput (the virtual printer's parser and engine) on a stream of receipts.
        let stream = [UInt8](Array(repeating: receipt, count: 200).joined())
        let decodeSeconds = BenchTiming.seconds(runs: 1) {
            let printer = VirtualPrinter(profile: printerProfile)
            printer.receive(stream)
            printer.finish()
        }
        let decodeMBps = Double(stream.count) / decodeSeconds / 1e6

        // A receipt with a 300×236 logo: stored in NV (print by key) vs raster every time.
        var logoPixels = [UInt8](repeating: 255, count: 300 * 236)
        for i in logoPixels.indices { logoPixels[i] = UInt8((i / 300 + i % 300) % 256) }
        let logo = Dither.threshold(GrayImage(width: 300, height: 236, pixels: logoPixels))
        var logoDoc = doc
        logoDoc.blocks.insert(.logo, at: 0)
        var nvOptions = EncodeOptions()
        nvOptions.logo = logo
        let stored = NVGraphicsState.Entry(digest: NVGraphicsState.digest(logo), width: 300, height: 236)
        nvOptions.nvState = NVGraphicsState(entries: ["LG": stored])
        var rasterOptions = EncodeOptions()
        rasterOptions.logo = logo
        let nvBytes = try encoder.encode(logoDoc, options: nvOptions).bytes.count
        let rasterBytes = try encoder.encode(logoDoc, options: rasterOptions).bytes.count
        func seconds9600(_ bytes: Int) -> Double { Double(bytes * 10) / 9600 } // 8N1: 10 bits a byte

        print("== till bench printing (profile \(profile), release build) ==")
        print(String(format: "receipt encode:   %8.1f µs/receipt  (%d bytes, %d runs)", perReceipt * 1e6, receipt.count, receipts))
        print(String(format: "image FS+encode:  %8.1f µs/image    (576x300, %d bytes)", fsSeconds * 1e6, imageBytes.count))
        print(String(format: "image thr+encode: %8.1f µs/image", thresholdSeconds * 1e6))
        print(String(format: "decoder:          %8.1f MB/s        (virtual printer, %d-byte stream)", decodeMBps, stream.count))
        print(String(format: "logo in NV:       %6d bytes  %6.2f s at 9600 baud", nvBytes, seconds9600(nvBytes)))
        print(String(format: "logo as raster:   %6d bytes  %6.2f s at 9600 baud", rasterBytes, seconds9600(rasterBytes)))

        if let dir = outDir {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(receipt).write(to: URL(fileURLWithPath: dir + "/till-receipt.bin"))
            try Data(imageBytes).write(to: URL(fileURLWithPath: dir + "/till-image.bin"))
        }
        if let path = json {
            let report = BenchReport(content: content, receiptSeconds: perReceipt, receiptBytes: receipt.count,
                                     imageSeconds: fsSeconds, imageThresholdSeconds: thresholdSeconds, imageBytes: imageBytes.count,
                                     decoderMBps: decodeMBps, nvReceiptBytes: nvBytes, rasterReceiptBytes: rasterBytes,
                                     columns: printerProfile.fontA.columns)
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys]
            try enc.encode(report).write(to: URL(fileURLWithPath: path))
        }
    }
}

struct BenchReport: Codable {
    var content: BenchContent
    var receiptSeconds: Double
    var receiptBytes: Int
    var imageSeconds: Double
    var imageThresholdSeconds: Double
    var imageBytes: Int
    var decoderMBps: Double
    var nvReceiptBytes: Int
    var rasterReceiptBytes: Int
    var columns: Int
}
