import Foundation
import Testing
import TillEscPos
@testable import TillVirtualPrinter

/// The decoder survives hostile input: random and mutated streams, fed in random read sizes.
/// Longer runs: `till printer fuzz --seconds 600` (prints its seed; `--seed S` repeats a run).
@Suite struct FuzzTests {
    @Test func thousandsOfSeededStreamsNeitherCrashNorHang() throws {
        let profile = try Profiles.epson
        var fuzzer = StreamFuzzer(seed: 20_240_601)
        var diagnostics = 0
        for _ in 0..<4000 {
            let stream = fuzzer.next()
            let printer = VirtualPrinter(profile: profile)
            for chunk in fuzzer.chunks(stream) { printer.receive(chunk) }
            printer.finish()
            diagnostics += printer.diagnostics.count
        }
        // The mutations are meant to hit the error paths.
        #expect(diagnostics > 1000)
    }

    @Test func renderersSurviveFuzzedPages() throws {
        let profile = try Profiles.load("xprinter-xp-58")  // 384 dots, GB18030 mode at power-on
        var fuzzer = StreamFuzzer(seed: 7)
        var pages = 0
        for _ in 0..<300 {
            let printer = VirtualPrinter(profile: profile)
            printer.receive(fuzzer.next())
            printer.finish()
            for page in printer.pages {
                let bitmap = page.bitmap(font: nil)
                #expect(bitmap.width == 384)
                pages += 1
            }
        }
        #expect(pages > 100)
    }

    @Test func aValidJobAfterGarbagePrintsCorrectly() throws {
        // After any garbage and the end of that stream (connection closed), the next job is
        // read from a clean state: the parser never stays stuck in a half command.
        let profile = try Profiles.epson
        var fuzzer = StreamFuzzer(seed: 99)
        for _ in 0..<300 {
            let printer = VirtualPrinter(profile: profile)
            printer.receive(fuzzer.next())
            printer.finish()
            printer.inject(.paperLoad)
            printer.inject(.coverClose)
            printer.inject(.online)
            printer.inject(.cutterClear)
            let before = printer.pages.count
            printer.receive(B.initialize + B.line("valid job") + B.partialCut)
            #expect(printer.pages.count == before + 1)
            #expect(printer.pages.last?.text.hasSuffix("valid job\n[cut partial]\n") == true)
        }
    }
}
