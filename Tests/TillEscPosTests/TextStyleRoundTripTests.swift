import Foundation
import Testing
import TillCore
import TillEscPos
import TillVirtualPrinter

/// One `TextStyle` for both ends of the wire: whatever style the encoder is asked for, in any
/// order of changes, the virtual printer decodes exactly that style from the bytes sent.
struct TextStyleRoundTripTests {
    static func generate(_ rng: inout StreamFuzzer) -> TextStyle {
        TextStyle(bold: rng.below(2) == 1, underline: rng.below(3), widthScale: 1 + rng.below(8),
                  heightScale: 1 + rng.below(8), invert: rng.below(2) == 1, font: rng.below(2), upsideDown: rng.below(2) == 1)
    }

    @Test func everyGeneratedStyleDecodesToItself() throws {
        let seed = ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = StreamFuzzer(seed: seed)
        let profile = Profiles.get("epson-tm-t88vi")
        for _ in 0..<200 {
            // A run of changes, so every style is also reached from a non-reset one.
            let styles = (0..<(1 + rng.below(5))).map { _ in Self.generate(&rng) }
            var writer = EscPosWriter(profile: profile, text: ProfileText(profile: profile))
            for style in styles {
                writer.setStyle(style)
                writer.write("A")
                writer.newline()
            }
            writer.cut(.full)
            let printer = VirtualPrinter(profile: profile)
            _ = printer.receive(writer.bytes)
            printer.finish()
            let decoded = printer.pages.flatMap(\.page.items).compactMap { item -> TextStyle? in
                guard case .line(let line) = item else { return nil }
                return line.chars.first?.style
            }
            #expect(decoded == styles, "seed \(seed) (re-run: TILL_TEST_SEED=\(seed)): sent \(styles), decoded \(decoded)")
            if decoded != styles { return }
        }
    }
}
