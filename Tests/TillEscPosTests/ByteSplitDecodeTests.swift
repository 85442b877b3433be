import Foundation
import Testing
import TillCore
import TillGraphics
import TillVirtualPrinter
@testable import TillEscPos

/// The decoder splits a stream by the encoder's own opcode table (`EscPosOpcodes`), and
/// bytes arrive in whatever pieces a link delivers: every job we encode decodes to the same
/// commands and the same page whether it arrives whole, a byte at a time (so split at every
/// boundary), or in generated random pieces.
struct ByteSplitDecodeTests {
    static let profiles = ["generic-80", "generic-58", "epson-tm-t88vi", "epson-tm-t82x", "sunmi-v2"]

    /// The commands with neighbouring text runs joined (a split inside text yields two runs).
    static func decode(_ pieces: [[UInt8]]) -> [EscPosCommand] {
        var parser = EscPosParser()
        var out: [EscPosCommand] = []
        func take(_ commands: [(command: EscPosCommand, offset: Int)]) {
            for (c, _) in commands {
                if case .text(let t) = c, case .text(let before)? = out.last { out[out.count - 1] = .text(before + t) } else { out.append(c) }
            }
        }
        for p in pieces { take(parser.feed(p)) }
        take(parser.finish())
        return out
    }

    static func randomPieces(_ bytes: [UInt8], _ rng: inout StreamFuzzer) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var i = 0
        while i < bytes.count {
            let n = 1 + rng.below(rng.below(4) == 0 ? 4 : 700)
            pieces.append(Array(bytes[i..<min(bytes.count, i + n)]))
            i += n
        }
        return pieces
    }

    @Test(arguments: profiles)
    func everyJobDecodesTheSameSplitAtEveryByteAndAtRandom(profileId: String) throws {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = StreamFuzzer(seed: seed)
        let profile = Profiles.get(profileId)
        var docs = SlipFixtures.allDocuments()
        docs.append(("five-line-chinese", ChineseWithoutFontTests.fiveLineChineseSale()))
        for (name, doc) in docs {
            let job = try SlipEncoder(profile: profile).encode(doc).bytes
            let whole = Self.decode([job])
            #expect(!whole.contains { if case .skipped = $0 { return true } else { return false } }, "\(profileId) \(name): \(whole.filter { if case .skipped = $0 { return true } else { return false } })")
            #expect(Self.decode(job.map { [$0] }) == whole, "\(profileId) \(name): byte by byte")
            let pieces = Self.randomPieces(job, &rng)
            #expect(Self.decode(pieces) == whole, "seed \(seed) \(profileId) \(name): pieces \(pieces.map(\.count))")
            // The printer draws the same page from the pieces as from the whole job.
            let a = VirtualPrinter(profile: profile), b = VirtualPrinter(profile: profile)
            _ = a.receive(job)
            for p in pieces { _ = b.receive(p) }
            a.finish()
            b.finish()
            #expect(a.pages.map(\.page) == b.pages.map(\.page), "seed \(seed) \(profileId) \(name)")
            #expect(a.pages.map(\.text) == b.pages.map(\.text), "seed \(seed) \(profileId) \(name)")
        }
    }

    /// Every opcode of the table, with generated parameter bytes where its length is fixed,
    /// decodes as one command of exactly the table's length: never skipped as a length
    /// disagreement, never leaving a parameter byte to print as text.
    @Test func everyFixedLengthOpcodeDecodesAsOneCommandOfItsLength() {
        let seed = UInt64(Date().timeIntervalSince1970 * 1000)
        var rng = StreamFuzzer(seed: seed)
        for op in EscPosOpcodes.all {
            guard let p = op.parameters else { continue }
            for _ in 0..<20 {
                let bytes = op.with((0..<p).map { _ in UInt8(rng.below(256)) })
                var parser = EscPosParser()
                let commands = parser.feed(bytes + [0x0A]) + parser.finish()
                #expect(commands.count == 2 && commands.last?.offset == 2 + p && commands.last?.command == .lineFeed,
                        "seed \(seed) \(op.name) \(bytes): \(commands)")
                if case .skipped(_, let reason)? = commands.first?.command {
                    #expect(!reason.contains("disagree"), "seed \(seed) \(op.name): \(reason)")
                }
            }
        }
    }
}
