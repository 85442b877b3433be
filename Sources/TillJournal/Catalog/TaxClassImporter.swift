import Foundation
import TillCore

/// `till catalog import --tax-classes FILE`: tax classes from a CSV file with the header
/// `code,name,rate,inclusive` (rate a percentage, "13" or "9.5"; inclusive yes/no, empty for yes).
/// Each row is checked by the same rule as `[[tax.class]]` (`TaxClass.checked`); a bad row or a
/// code already used on an earlier line is reported by line and not imported, the good rows are.
/// Each class that is new or differs from the journal's is its own chained entry naming who
/// imported it; an unchanged one writes nothing.
public struct TaxClassImporter {
    public static let columns = ["code", "name", "rate", "inclusive"]
    let database: JournalDatabase

    public init(database: JournalDatabase) { self.database = database }

    public func importFile(atPath path: String, by: String?) throws -> TaxClassImportSummary {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw JournalError.fileNotReadable(path: path, cause: exists ? "permission denied" : "no such file")
        }
        return try importCSV(bytes: Array(data), by: by)
    }

    public func importCSV(bytes: [UInt8], by: String?) throws -> TaxClassImportSummary {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else { throw JournalError.catalogHeaderWrong(found: [], expected: Self.columns) }
        let names = header.fields.map { $0.trimmingSpaces.lowercased() }
        guard header.problem == nil, names == Self.columns else {
            throw JournalError.catalogHeaderWrong(found: header.fields, expected: Self.columns)
        }
        var summary = TaxClassImportSummary()
        var firstLine: [String: Int] = [:]
        var good: [TaxClass] = []
        while let record = reader.next() {
            summary.rowsRead += 1
            if let problem = record.problem {
                summary.rejected.append(TaxClassRowRejection(line: record.line, problem: problem.message))
                reader.resume(after: record)
                continue
            }
            switch Self.row(record.fields) {
            case .bad(let problem):
                summary.rejected.append(TaxClassRowRejection(line: record.line, problem: problem))
            case .good(let taxClass):
                if let earlier = firstLine[taxClass.id] {
                    summary.rejected.append(TaxClassRowRejection(line: record.line, problem: LocalizedText(
                        en: "tax class \(taxClass.id) is already on line \(earlier) (each code once)",
                        zh: "税类 \(taxClass.id) 已在第 \(earlier) 行（每个代码只能出现一次）")))
                    continue
                }
                firstLine[taxClass.id] = record.line
                good.append(taxClass)
            }
        }
        let held = Dictionary(try database.taxClasses().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for taxClass in good {
            guard held[taxClass.id] != taxClass else { summary.unchanged += 1; continue }
            // One chained entry per change: the journal says who changed which class, and when.
            try database.upsert(taxClasses: [taxClass], by: by)
            summary.changed.append(taxClass)
        }
        return summary
    }

    enum Row { case good(TaxClass), bad(LocalizedText) }

    /// A row's class, or what is wrong with it (in both languages).
    static func row(_ fields: [String]) -> Row {
        guard fields.count == columns.count else {
            return .bad(LocalizedText(en: "\(fields.count) columns, expected \(columns.count) (\(columns.joined(separator: ",")))",
                                          zh: "有 \(fields.count) 列，应为 \(columns.count) 列（\(columns.joined(separator: ","))）"))
        }
        let flag = fields[3].trimmingSpaces.lowercased()
        let inclusive: Bool
        switch flag {
        case "", "yes", "true", "1", "y": inclusive = true
        case "no", "false", "0", "n": inclusive = false
        default:
            return .bad(LocalizedText(en: "inclusive is \"\(fields[3])\": write yes (tax in the shelf price) or no (added at the till)",
                                          zh: "inclusive 为 “\(fields[3])”：请填 yes（价内含税）或 no（结账时加税）"))
        }
        switch TaxClass.checked(id: fields[0].trimmingSpaces, name: fields[1].trimmingSpaces, rate: fields[2], inclusive: inclusive) {
        case .success(let taxClass): return .good(taxClass)
        case .failure(let problem):
            let field = problem.field == .id ? "code" : problem.field.rawValue
            return .bad(LocalizedText(en: "\(field) \"\(problem.value)\" must be \(problem.expected.en)",
                                      zh: "\(field) “\(problem.value)” 应为\(problem.expected.zh)"))
        }
    }
}

public struct TaxClassRowRejection: Hashable, Sendable {
    public var line: Int
    public var problem: LocalizedText

    /// "line 3: rate "130" must be …" in the user's language.
    public func text(_ language: Language) -> String {
        (language == .zh ? "第 \(line) 行：" : "line \(line): ") + problem.text(language)
    }
}

public struct TaxClassImportSummary: Hashable, Sendable {
    public var rowsRead = 0
    public var changed: [TaxClass] = []
    public var unchanged = 0
    public var rejected: [TaxClassRowRejection] = []

    public func text(_ language: Language) -> String {
        language == .zh
            ? "税类：更新 \(changed.count)，未变 \(unchanged)，拒绝 \(rejected.count) 行（共 \(rowsRead) 行）"
            : "Tax classes: \(changed.count) changed, \(unchanged) unchanged, \(rejected.count) rows rejected (of \(rowsRead))"
    }
}
