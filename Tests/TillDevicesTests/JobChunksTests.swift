import Foundation
import Testing
import TillCore
@testable import TillDevices
import TillEscPos
import TillVirtualPrinter

/// The driver's job splitter reads command boundaries from the encoder's opcode table
/// (`EscPosCommandSplitter`), no longer from the emulator's decoder. For generated ESC/POS
/// (encoded slips and the fuzzer's hostile streams) it finds exactly the decoder's
/// boundaries, and at every piece size it cuts only there, as the decoder-based splitter did.
@Suite struct JobChunksTests {
    /// $TILL_TEST_SEED, or a fresh seed (printed with any failure).
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
    }

    static func streams(seed: UInt64) throws -> [[UInt8]] {
        var fuzzer = StreamFuzzer(seed: seed)
        var streams: [[UInt8]] = []
        for id in ["epson-tm-t88vi", "generic-58"] {
            let encoder = SlipEncoder(profile: try Fixtures.profile(id))
            streams.append(try encoder.encode(Fixtures.slip("茉莉花茶 Jasmine tea ×2  50.00", lines: 6)).bytes)
        }
        return streams + (0..<150).map { _ in fuzzer.next() }
    }

    @Test func theOpcodeTableFindsTheDecodersBoundaries() throws {
        let seed = Self.seed
        for (n, bytes) in try Self.streams(seed: seed).enumerated() {
            var parser = EscPosParser()
            let decoded = parser.feed(bytes).map(\.offset)
            #expect(EscPosCommandSplitter.starts(bytes) == decoded, "stream \(n) (re-run: TILL_TEST_SEED=\(seed))")
        }
    }

    /// At every piece size: the pieces are the job, each starts and ends on a boundary the
    /// decoder finds, none is over the size unless it is one command, and none could have
    /// taken the next command without going over (the pieces are as few as the rule allows).
    @Test func everyPieceSizeCutsOnlyAtTheDecodersBoundaries() throws {
        let seed = Self.seed
        var rng = StreamFuzzer(seed: seed)
        for (n, bytes) in try Self.streams(seed: seed).prefix(80).enumerated() where bytes.count > 1 {
            var parser = EscPosParser()
            let boundaries = Set(parser.feed(bytes).map(\.offset) + [bytes.count])
            let sorted = boundaries.sorted()
            // Every small piece size, so a cut is tried at every point, and larger ones.
            let sizes = Array(1...80) + (0..<20).map { _ in 1 + rng.below(bytes.count) } + [bytes.count - 1]
            for maxBytes in sizes where maxBytes >= 1 {
                let pieces = JobChunks.split(bytes, maxBytes: maxBytes)
                let problem = Self.problem(pieces, of: bytes, boundaries: boundaries, sorted: sorted, maxBytes: maxBytes)
                if let problem {
                    Issue.record("stream \(n), pieces of \(maxBytes): \(problem) (re-run: TILL_TEST_SEED=\(seed))")
                    return
                }
            }
        }
    }

    static func problem(_ pieces: [ArraySlice<UInt8>], of bytes: [UInt8], boundaries: Set<Int>, sorted: [Int],
                        maxBytes: Int) -> String? {
        guard pieces.flatMap({ $0 }) == bytes else { return "the pieces are not the job" }
        for (k, piece) in pieces.enumerated() {
            guard boundaries.contains(piece.endIndex), piece.startIndex == 0 || boundaries.contains(piece.startIndex) else {
                return "piece \(k) (\(piece.startIndex)..<\(piece.endIndex)) cuts inside a command"
            }
            let next = sorted.first { $0 > piece.startIndex } ?? bytes.count
            if piece.count > maxBytes && piece.endIndex != next { return "piece \(k) is over the size yet holds more than one command" }
            if k + 1 < pieces.count, let after = sorted.first(where: { $0 > piece.endIndex }), after - piece.startIndex <= maxBytes {
                return "piece \(k) could have taken the next command"
            }
        }
        return nil
    }
}
