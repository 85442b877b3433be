import Testing
@testable import TillScanning

/// Key events as a wedge sends them: press and release per key, Shift around capitals.
private func keyEvents(_ keys: [(code: UInt16, shift: Bool)], gapMs: UInt64 = 2) -> [InputEvent] {
    var events: [InputEvent] = []
    var t: UInt64 = 1_000_000
    func ev(_ code: UInt16, _ value: Int32) {
        events.append(InputEvent(seconds: Int64(t / 1_000_000), microseconds: Int64(t % 1_000_000), type: 1, code: code, value: value))
        events.append(InputEvent(type: 0, code: 0, value: 0))
    }
    for key in keys {
        if key.shift { ev(42, 1) }
        ev(key.code, 1); ev(key.code, 0)
        if key.shift { ev(42, 0) }
        t += gapMs * 1000
    }
    return events
}

@Suite struct WedgeDecoderTests {
    @Test func usLayoutWithShiftedLettersAndEnter() {
        // "CODE-39" then Enter: C=46 O=24 D=32 E=18 with Shift, '-'=12, '3'=4, '9'=10, Enter=28.
        var decoder = WedgeDecoder(layout: .us)
        let events = keyEvents([(46, true), (24, true), (32, true), (18, true), (12, false), (4, false), (10, false), (28, false)])
        let scans = events.compactMap { decoder.feed($0) }
        #expect(scans.count == 1)
        #expect(String(decoding: scans[0].bytes, as: UTF8.self) == "CODE-39")
        #expect(scans[0].keyGapsMs.count == 7 && scans[0].keyGapsMs.allSatisfy { abs($0 - 2) < 0.01 })
    }

    @Test func germanLayoutSwapsYAndZAndMovesTheDash() {
        // A DE-configured scanner types "ZY-1" as keys 21 (Z), 44 (Y) with Shift, 53 ('-'), 2.
        let keys: [(code: UInt16, shift: Bool)] = [(21, true), (44, true), (53, false), (2, false), (28, false)]
        var de = WedgeDecoder(layout: .de)
        var us = WedgeDecoder(layout: .us)
        #expect(keyEvents(keys).compactMap { de.feed($0) }.map { String(decoding: $0.bytes, as: UTF8.self) } == ["ZY-1"])
        // Read with the wrong layout the same keys are different text: the layout setting matters.
        #expect(keyEvents(keys).compactMap { us.feed($0) }.map { String(decoding: $0.bytes, as: UTF8.self) } == ["YZ/1"])
    }

    @Test func ctrlCloseBracketIsTheGS1Separator() {
        var decoder = WedgeDecoder(layout: .us)
        var events: [InputEvent] = []
        for (code, value) in [(2 as UInt16, 1 as Int32), (2, 0), (29, 1), (27, 1), (27, 0), (29, 0), (3, 1), (3, 0), (28, 1)] {
            events.append(InputEvent(type: 1, code: code, value: value))
        }
        #expect(events.compactMap { decoder.feed($0) }.first?.bytes == [0x31, 0x1D, 0x32])
    }
}

@Suite struct WedgeBurstDetectorTests {
    private func feed(_ text: String, gapsMs: [UInt64], into d: inout WedgeBurstDetector, start: UInt64 = 0) -> [WedgeBurstDetector.Output] {
        var t = start
        var out: [WedgeBurstDetector.Output] = []
        for (c, gap) in zip(text, gapsMs) {
            t += gap * 1_000_000
            out += d.key(c, at: t)
        }
        return out
    }

    @Test func fastBurstEndingInEnterIsAScan() {
        var d = WedgeBurstDetector(maxGapMs: 30)
        let out = feed("9780201379624\r", gapsMs: [0] + Array(repeating: 8, count: 13), into: &d)
        #expect(out == [.scan("9780201379624", keyGapsMs: Array(repeating: 8, count: 13))])
    }

    @Test func theSameDigitsTypedByAPersonAreTyping() {
        var d = WedgeBurstDetector(maxGapMs: 30)
        // 120 ms between keys: each held key is released as typing when the next one is late.
        let out = feed("9780201379624\r", gapsMs: [0] + Array(repeating: 120, count: 13), into: &d)
        #expect(!out.contains { if case .scan = $0 { return true } else { return false } })
        let typed = out.flatMap { if case .typed(let keys) = $0 { return keys } else { return [] } }
        #expect(String(typed) == "9780201379624\r")
    }

    @Test func oneSlowGapInsideABurstMakesItTyping() {
        var d = WedgeBurstDetector(maxGapMs: 30, minLength: 6)
        let out = feed("12345678\r", gapsMs: [0, 5, 5, 5, 45, 5, 5, 5, 5], into: &d)
        // The 45 ms gap releases "1234"; the fast "5678" after it is too short to be a scan.
        #expect(out == [.typed(Array("1234")), .typed(Array("5678\r"))])
    }

    @Test func shortFastEntryIsTypingAndTickReleasesHeldKeys() {
        var d = WedgeBurstDetector(maxGapMs: 30, minLength: 4)
        #expect(feed("2\r", gapsMs: [0, 10], into: &d) == [.typed(["2", "\r"])])
        _ = d.key("7", at: 1_000_000_000)
        #expect(d.isHolding)
        #expect(d.tick(now: 1_020_000_000) == [])
        #expect(d.tick(now: 1_031_000_000) == [.typed(["7"])])
        #expect(!d.isHolding)
    }
}
