import Foundation
import TillCore

/// A customer display model (Devices/displays/ID.json): its size, the code table it is set
/// to, and the double-byte font it has, if any. The encoder reads nothing else about a display.
public struct CustomerDisplayProfile: Hashable, Sendable {
    public var id: String
    public var name: String
    public var columns: Int
    public var rows: Int
    /// ESC t number selected at start, and what it holds.
    public var codeTable: UInt8
    public var encoding: String
    /// The display's Chinese font (GB2312 or GB18030), entered with `FS &`; nil when it has none,
    /// and then the customer sees English.
    public var chinese: String?

    public init(id: String, name: String, columns: Int = 20, rows: Int = 2, codeTable: UInt8 = 0,
                encoding: String = "CP437", chinese: String? = nil) {
        self.id = id
        self.name = name
        self.columns = columns
        self.rows = rows
        self.codeTable = codeTable
        self.encoding = encoding
        self.chinese = chinese
    }

    static let fields = ["schema", "id", "name", "vendor", "source", "notes", "columns", "rows", "codeTable", "encoding", "chinese"]

    /// Reads and checks one profile file: unknown fields are refused with the nearest valid one.
    public static func load(file path: String) throws(DisplayProfileError) -> CustomerDisplayProfile {
        let place = (path as NSString).lastPathComponent
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw .unreadable(path)
        }
        if let unknown = UnknownName.check(object.keys, allowed: fields, place: place) { throw .unknownName(unknown) }
        func string(_ key: String) throws(DisplayProfileError) -> String {
            guard let s = object[key] as? String, !s.isEmpty else { throw .badField(place, key, "a string") }
            return s
        }
        let id = try string("id")
        guard id + ".json" == place else { throw .badField(place, "id", "\"\(place.dropLast(5))\", the file's name") }
        guard object["schema"] as? Int == 1 else { throw .badField(place, "schema", "1") }
        let columns = object["columns"] as? Int ?? 20, rows = object["rows"] as? Int ?? 2
        // The content is laid out for a 2×20 pole; other sizes are not drawn correctly, so refused.
        guard columns == CustomerDisplayContent.columns else { throw .badField(place, "columns", "20") }
        guard rows == CustomerDisplayContent.rows else { throw .badField(place, "rows", "2") }
        guard let table = object["codeTable"] as? Int, (0...255).contains(table) else { throw .badField(place, "codeTable", "an ESC t number 0…255") }
        let encoding = try string("encoding")
        guard CharsetCache.singleByte(encoding) != nil else { throw .badField(place, "encoding", "a code page iconv knows (CP437, CP858…)") }
        var chinese: String?
        if object["chinese"] != nil {
            let name = try string("chinese")
            guard ["GB2312", "GB18030"].contains(name) else { throw .badField(place, "chinese", "\"GB2312\" or \"GB18030\"") }
            chinese = name
        }
        return CustomerDisplayProfile(id: id, name: try string("name"), columns: columns, rows: rows,
                                      codeTable: UInt8(table), encoding: encoding, chinese: chinese)
    }

    /// The profile `id` from a Devices/displays folder.
    public static func named(_ id: String, in directory: String) throws(DisplayProfileError) -> CustomerDisplayProfile {
        let known = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        guard known.contains(id) else {
            throw .unknownName(UnknownName(place: "display.profile", name: id,
                                           kind: LocalizedText(en: "display profile", zh: "客显型号"), known: known))
        }
        return try load(file: directory + "/" + id + ".json")
    }
}

/// A display profile the till cannot use, with what to do.
public enum DisplayProfileError: Error, Hashable, Sendable {
    case unreadable(String)
    case badField(String, String, String)
    case unknownName(UnknownName)

    public var message: LocalizedText {
        switch self {
        case .unreadable(let path):
            return LocalizedText(en: "The display profile \(path) cannot be read as JSON.", zh: "客显配置文件 \(path) 无法按 JSON 读取。")
        case .badField(let file, let field, _):
            return LocalizedText(en: "\(file): the field \"\(field)\" is missing or wrong.", zh: "\(file)：字段 “\(field)” 缺失或有误。")
        case .unknownName(let unknown): return unknown.message
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .unreadable:
            return LocalizedText(en: "Check the file (Devices/displays/README.md shows the fields).", zh: "请检查该文件（字段说明见 Devices/displays/README.md）。")
        case .badField(_, let field, let expected):
            return LocalizedText(en: "Set \"\(field)\" to \(expected).", zh: "请把 “\(field)” 设为 \(expected)。")
        case .unknownName(let unknown): return unknown.remedy
        }
    }
}

/// A display profile the till cannot use: a `Problem` (its message and remedy above, a stable code).
extension DisplayProfileError: Problem {
    public var code: String { "display_profile_" + ProblemCode.caseName(of: self) }
}
