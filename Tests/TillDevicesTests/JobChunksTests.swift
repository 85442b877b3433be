import Foundation
import Testing
import TillCore
@testable import TillDevices
import TillEscPos
import TillVirtualPrinter

/// The driver's job splitter reads command boundaries from the encoder's opcode table
/// (`EscPosCommandSplitter`), no longer from the emulator's decoder. For generated ESC/POS
/// (encoded slips and the fuzzer's hostile streams) it finds exactly the decoder's
/// boundaries, and splitting at every piece size gives the same pieces as the decoder-based
/// splitter did.
@Suite struct JobChunksTests {
    /// The splitter as it was, on the emulator's parser: the reference the new one must match.
    static func decoderSplit(_ bytes: [UInt8], decoded: [Int], maxBytes: Int) -> [ArraySlice<UInt8>] {
        guard bytes.count > maxBytes else { return [bytes[...]] }
        let boundaries = decoded + [bytes.count]
        var pieces: [ArraySlice<UInt8>] = []
        var start = 0, last = 0
        for b in boundaries.dropFirst() {
            if b - start > maxBytes, last > start { pieces.append(bytes[start..<last]); start = last }
            last = b
        }
        if start < bytes.count { pieces.append(bytes[start...]) }
        return pieces
    }

    /// $TILL_TEST_SEED, or a fresh seed (printed with any failure).
    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
    }

    static func streams(seed: UInt64) throws -> [[UInt8]] {
        var fuzzer = StreamFuzzer(seed: seed)
        var streams = (0..<150).map { _ in fuzzer.next() }
        for id in ["epson-tm-t88vi", "generic-58"] {
            let encoder = SlipEncoder(profile: try Fixtures.profile(id))
            streams.append(try encoder.encode(Fixtures.slip("茉莉花茶 Jasmine tea ×2  50.00", lines: 6)).bytes)
        }
        return streams
    }

    @Test func theOpcodeTableFindsTheDecodersBoundaries() throws {
        let seed = Self.seed
        for (n, bytes) in try Self.streams(seed: seed).enumerated() {
            var parser = EscPosParser()
            let decoded = parser.feed(bytes).map(\.offset)
            #expect(EscPosCommandSplitter.starts(bytes) == decoded, "stream \(n) (re-run: TILL_TEST_SEED=\(seed))")
        }
    }

    @Test func everyPieceSizeSplitsAsTheDecoderDid() throws {
        let seed = Self.seed
        var rng = StreamFuzzer(seed: seed)
        for (n, bytes) in try Self.streams(seed: seed).prefix(80).enumerated() {
            var parser = EscPosParser()
            let decoded = parser.feed(bytes).map(\.offset)
            // Every small piece size, so a boundary is tried at every point, and larger ones.
            let sizes = Array(1...80) + (0..<20).map { _ in 1 + rng.below(bytes.count + 1) } + [bytes.count, bytes.count + 1]
            for maxBytes in sizes where maxBytes >= 1 {
                let pieces = JobChunks.split(bytes, maxBytes: maxBytes)
                guard pieces.map(Array.init) == Self.decoderSplit(bytes, decoded: decoded, maxBytes: maxBytes).map(Array.init) else {
                    Issue.record("stream \(n) splits differently at \(maxBytes) bytes (re-run: TILL_TEST_SEED=\(seed))")
                    return
                }
                #expect(pieces.flatMap { $0 } == bytes)
            }
        }
    }
}
