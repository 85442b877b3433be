import ArgumentParser
import Foundation
import TillEscPos
import TillVirtualPrinter

/// `till printer fuzz --seconds N`: feeds random and mutated ESC/POS streams to the virtual
/// printer for N seconds (the test suite runs a few thousand; this is the long run). A crash
/// is the failure; the seed printed at the start reproduces the run.
struct PrinterFuzzCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuzz",
        abstract: "Fuzz the ESC/POS decoder with random and mutated streams for N seconds."
    )

    @Option(help: "How long to run.")
    var seconds: Double = 60

    @Option(help: "Random seed (default: from the clock; printed so a run can be repeated).")
    var seed: UInt64?

    @Option(help: "Printer profile id.")
    var profile: String = "epson-tm-t88vi"

    @Option(help: "The Devices folder.")
    var devices: String?

    @Flag(help: "Also render every page to a bitmap (slower, covers the renderer).")
    var render = false

    func run() throws {
        let dir = try DevicesDirectory.resolve(devices)
        let p = try ProfileLibrary(directory: dir + "/printers").profile(profile)
        let s = seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
        say("fuzz: seed \(s), \(seconds) s, profile \(p.id)")
        var fuzzer = StreamFuzzer(seed: s)
        let deadline = ContinuousClock.now + .seconds(seconds.isFinite ? max(0, seconds) : 0)
        var streams = 0, bytes = 0, pages = 0, diagnostics = 0
        while ContinuousClock.now < deadline {
            let stream = fuzzer.next()
            let printer = VirtualPrinter(profile: p)
            for chunk in fuzzer.chunks(stream) { printer.receive(chunk) }
            printer.finish()
            streams += 1
            bytes += stream.count
            pages += printer.pages.count
            diagnostics += printer.diagnostics.count
            if render { for page in printer.pages { _ = page.bitmap() } }
            if streams % 1000 == 0 { say("fuzz: \(streams) streams, \(bytes) bytes, \(pages) pages") }
        }
        say("fuzz: done: \(streams) streams, \(bytes) bytes, \(pages) pages, \(diagnostics) diagnostics, no crash (seed \(s))")
    }
}
