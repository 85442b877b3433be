import TillCore
import Testing
@testable import TillEscPos

/// The one-line fast path must print exactly what the general SlipLayout path prints.
struct LayoutFastPathTests {
    /// The general path: SlipLayout lines, then the usual line printing.
    func general(_ block: SlipBlock, on id: String) throws -> [UInt8] {
        let encoder = Profiles.encoder(id)
        let job = Job(encoder: encoder, options: EncodeOptions())
        switch block {
        case .text(let t, let style):
            try job.lines(SlipLayout.textLines(ProfileText.sanitize(t), style: style, columns: encoder.columns(style)), style)
        case .pair(let l, let r, let style):
            try job.lines(SlipLayout.pairLines(ProfileText.sanitize(l), ProfileText.sanitize(r), style: style, columns: encoder.columns(style)), style)
        default:
            Issue.record("only text and pair blocks")
        }
        return job.writer.bytes
    }

    func fast(_ block: SlipBlock, on id: String) throws -> [UInt8] {
        let job = Job(encoder: Profiles.encoder(id), options: EncodeOptions())
        try job.add(block)
        return job.writer.bytes
    }

    @Test func fastAndGeneralPathsAgree() throws {
        let texts = ["Tea", "鱼香肉丝", "Crème brûlée €", "  indented", "trailing   ", "中文 and 英文 mixed", "x",
                     String(repeating: "a", count: 42), String(repeating: "中", count: 21), "Zoë Li 李 (C01)", "¥100"]
        let rights = ["", "12.50", "-€1,234.56", "合计", "2026-09-21 15:13"]
        let styles: [SlipStyle] = [.plain, .bold, .title, .total, .centered, SlipStyle(small: true, align: .right),
                                   SlipStyle(underline: true), SlipStyle(invert: true, align: .center)]
        for id in ["epson-tm-t88vi", "epson-tm-t82iii", "xprinter-xp-58"] {
            for style in styles {
                for t in texts {
                    #expect(try fast(.text(t, style), on: id) == general(.text(t, style), on: id), "\(id) text \(t) \(style)")
                    for r in rights {
                        #expect(try fast(.pair(t, r, style), on: id) == general(.pair(t, r, style), on: id), "\(id) pair \(t)|\(r) \(style)")
                    }
                }
            }
        }
    }

    /// A rule of one ASCII character skips building the line; the general path must agree.
    @Test func fastRuleMatchesTheGeneralPath() throws {
        for id in ["epson-tm-t88vi", "epson-tm-t82iii", "xprinter-xp-58"] {
            let encoder = Profiles.encoder(id)
            for ch in ["-", "=", "*", "~", "_"] {
                // After another line, so a style or justification change is part of the check.
                for before: SlipBlock in [.text("Title", .title), .text("x", .plain), .barcode(.code128, "123")] {
                    let fast = Job(encoder: encoder, options: EncodeOptions())
                    try fast.add(before)
                    try fast.add(.rule(ch))
                    let general = Job(encoder: encoder, options: EncodeOptions())
                    try general.add(before)
                    let cols = encoder.profile.fontA.columns / max(1, DisplayWidth.of(ch))
                    try general.lines([String(repeating: ch, count: cols)], .plain)
                    #expect(fast.writer.bytes == general.writer.bytes, "\(id) rule \(ch)")
                }
            }
        }
    }
}

