import TillCore

/// Reads an X/Z report slip back as a reader would: each heading's count and amount, and the
/// by-tender lines under it. Every heading must equal the sum of its tender lines.
enum ReportLines {
    static func problem(_ slip: SlipDocument) -> String? {
        var headings: [String: Int64] = [:]
        var lines: [String: Int64] = ["Sales": 0, "Refunds": 0, "Post-voids": 0]
        var inTenders = false
        for block in slip.blocks {
            if case .text(let text, _) = block, text == "By tender" { inTenders = true; continue }
            if case .rule = block, inTenders { inTenders = false; continue }
            guard case .pair(let left, let right, _) = block else { continue }
            guard let amount = Money(parsing: right.replacingOccurrences(of: "¥", with: ""), currency: .cny) else { continue }
            if !inTenders {
                for name in ["Sales", "Refunds", "Post-voids"] where left.hasPrefix(name + " (") { headings[name] = amount.minor }
            } else if left.hasPrefix("    - Refunds") {
                lines["Refunds", default: 0] -= amount.minor
            } else if left.hasPrefix("    - Post-voids") {
                lines["Post-voids", default: 0] -= amount.minor
            } else if left.hasPrefix("  "), !left.hasPrefix("    ") {
                lines["Sales", default: 0] += amount.minor
            }
        }
        for name in ["Sales", "Refunds", "Post-voids"] {
            guard let heading = headings[name] else { return "the report has no \(name) line" }
            if heading != lines[name] { return "\(name) is \(heading) but its tender lines sum to \(lines[name] ?? 0)" }
        }
        return nil
    }
}
