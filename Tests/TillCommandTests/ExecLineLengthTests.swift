import Foundation
import Testing
@testable import till

/// Issue 12: `till exec` read a 4 MB line in 32 s (each chunk searched the whole buffer again).
/// The splitter examines each byte once, whatever the chunking, so the work grows with the input
/// (counted, not timed); a line over the limit is refused by number and the next line still runs.
@Suite struct ExecLineLengthTests {
    /// Feeds `text` in chunks of `chunk` bytes; returns the pieces and the bytes examined.
    func split(_ bytes: [UInt8], chunk: Int, limit: Int = LineSplitter.defaultMaximumLineBytes) -> ([LineSplitter.Piece], Int) {
        var splitter = LineSplitter(maximumLineBytes: limit)
        var pieces: [LineSplitter.Piece] = []
        var start = 0
        while start < bytes.count {
            pieces += splitter.feed(bytes[start..<min(bytes.count, start + chunk)])
            start += chunk
        }
        if let last = splitter.end() { pieces.append(last) }
        return (pieces, splitter.bytesExamined)
    }

    @Test(arguments: [512, 4_096, 65_536])
    func eachByteIsExaminedOnceWhateverTheChunks(chunk: Int) {
        let oneMB = [UInt8](repeating: UInt8(ascii: "7"), count: 1 << 20) + [0x0A]
        let fourMB = [UInt8](repeating: UInt8(ascii: "7"), count: 4 << 20) + [0x0A]
        let (small, smallWork) = split(oneMB, chunk: chunk, limit: 8 << 20)
        let (large, largeWork) = split(fourMB, chunk: chunk, limit: 8 << 20)
        #expect(small == [.line(Array(oneMB.dropLast()))])
        #expect(large == [.line(Array(fourMB.dropLast()))])
        #expect(smallWork == oneMB.count)
        #expect(largeWork == fourMB.count) // four times the input, four times the work: linear
    }

    @Test func manyShortLinesAndALongOneSplitExactly() {
        var text: [UInt8] = []
        var expected: [LineSplitter.Piece] = []
        for i in 0..<2_000 {
            let line = Array("scan \(i)".utf8)
            text += line + [0x0A]
            expected.append(.line(line))
        }
        text += [UInt8](repeating: 0x41, count: 3_000) + [0x0A] + Array("last".utf8)
        expected += [.tooLong(bytes: 3_000), .line(Array("last".utf8))]
        let (pieces, work) = split(text, chunk: 100, limit: 1_000)
        #expect(pieces == expected)
        #expect(work <= text.count)
    }

    @Test func anOverLongLineIsRefusedByNumberAndTheNextLineRuns() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let long = "scan " + String(repeating: "7", count: LineSplitter.defaultMaximumLineBytes + 10)
        let result = try till.run(["exec"], stdin: "signin 1001 1111\n\(long)\nsignout\n")
        let output = events(result.lines)
        #expect(output.count == 3)
        #expect(output[1]["event"] as? String == "badInput")
        #expect(output[1]["line"] as? Int == 2)
        #expect((output[1]["message"] as? String)?.contains("at most \(LineSplitter.defaultMaximumLineBytes) bytes") == true)
        #expect(output[2]["event"] as? String == "signedOut")
    }
}
