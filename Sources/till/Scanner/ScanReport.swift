import Foundation
import TillCore
import TillScanning

/// How `till scanner test` shows one scan: lines for a person, or one JSON object per scan for
/// scripts and tests (`--json`).
struct ScanReport {
    let number: Int
    let raw: RawScan
    let scan: ScanInterpretation

    func lines(_ lang: Language) -> [String] {
        var out = ["scan \(number)  raw: \(raw.bytes.hexDump)  (\(raw.bytes.count) bytes\(raw.reads > 0 ? ", \(raw.reads) read(s)" : ""))"]
        out.append("  text:        \(visible(String(decoding: raw.bytes, as: UTF8.self)))")
        let source = scan.aim.map { "AIM \($0)" } ?? "detected from the data; no AIM id"
        out.append("  symbology:   \(scan.symbology.displayName) (\(source))")
        out.append("  check digit: \(scan.checkDigit.text)")
        if let addOn = scan.addOn { out.append("  add-on:      \(addOn)") }
        for element in scan.gs1 {
            var line = "  GS1:         \(element.humanReadable)  \(element.title)"
            if let date = element.date { line += "  = \(date)" }
            if let kg = element.netWeightKilograms { line += "  = \(kg) kg" }
            out.append(line)
        }
        if let e = scan.embedded {
            let value = e.weight.map { "weight \($0) kg" } ?? e.priceMinor.map { "price \($0) (minor units)" } ?? ""
            out.append("  embedded:    item \(e.itemCode), \(value), value check \(e.valueCheck.text)")
        }
        if raw.keyGapsMs.count > 0 {
            let gaps = raw.keyGapsMs
            out.append(String(format: "  key timing:  %d keys, gaps %.1f–%.1f ms (mean %.1f)", gaps.count + 1,
                              gaps.min()!, gaps.max()!, gaps.reduce(0, +) / Double(gaps.count)))
        }
        switch scan.registerAction() {
        case .success(.codeEntered(let code, let quantity)):
            out.append("  look up:     \(code)\(quantity.map { "  quantity \($0) kg" } ?? "")")
        case .success: break
        case .failure(let problem):
            out.append("  PROBLEM:     \(problem.message.text(lang))")
            out.append("               → \(problem.remedy.text(lang))")
        }
        return out
    }

    func json() -> String {
        var object: [String: Any] = [
            "scan": number, "raw_hex": raw.bytes.hexDump, "text": String(decoding: raw.bytes, as: UTF8.self),
            "data": scan.data, "symbology": scan.symbology.rawValue, "symbology_source": scan.symbologySource.rawValue,
            "check_digit": scan.checkDigit.text, "reads": raw.reads, "key_gaps_ms": raw.keyGapsMs,
            "gs1": scan.gs1.map { ["ai": $0.ai, "data": $0.data] },
        ]
        if let aim = scan.aim { object["aim"] = aim.description }
        if let e = scan.embedded {
            object["embedded"] = ["item": e.itemCode, "weight_kg": e.weight?.description ?? NSNull(),
                                  "price_minor": e.priceMinor ?? NSNull(), "value_check": e.valueCheck.text] as [String: Any]
        }
        switch scan.registerAction() {
        case .success(.codeEntered(let code, let quantity)):
            object["lookup"] = code
            object["quantity"] = quantity?.description ?? NSNull()
        case .success: break
        case .failure(let problem):
            object["problem"] = ["code": problem.code, "en": problem.message.en, "zh": problem.message.zh,
                                 "remedy_en": problem.remedy.en, "remedy_zh": problem.remedy.zh]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
