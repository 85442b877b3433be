import Foundation
import TillCore

/// An on-screen POS keypad: pages of rows of keys, each with its labels in both languages and
/// the action it sends. Read from a keypad file (Devices/keypads/ID.json); the "quick" page is
/// made from the shop's quick keys.
public struct KeypadLayout: Hashable, Sendable {
    public struct Key: Hashable, Sendable {
        public var action: KeypadAction
        public var label: LocalizedText
        public init(_ action: KeypadAction, label: LocalizedText? = nil) {
            self.action = action
            self.label = label ?? action.defaultLabel
        }
    }

    public struct Page: Hashable, Sendable {
        public var id: String
        public var rows: [[Key]]
    }

    public var id: String
    public var name: LocalizedText
    public var pages: [Page]

    /// The widest row of any page: the keypad's width in keys.
    public var columns: Int { pages.flatMap(\.rows).map(\.count).max() ?? 0 }

    /// Columns a label may take inside a key.
    public static let labelWidth = 8
    static let maxRows = 8, maxColumns = 8

    public func page(_ id: String) -> Page? { pages.first { $0.id == id } ?? pages.first }

    /// Builds the "quick" page from the shop's quick keys, in rows as wide as the keypad, with
    /// a key back to the first page at the end.
    public func withQuickKeys(_ quick: [QuickKey]) -> KeypadLayout {
        let width = max(1, columns)
        let back = Key(.page(pages.first?.id ?? "main"), label: KeypadAction.page("main").defaultLabel)
        let keys = quick.prefix(width * Self.maxRows - 1).map { Key(.item(sku: $0.sku), label: $0.label) } + [back]
        var copy = self
        copy.pages.removeAll { $0.id == "quick" }
        copy.pages.append(Page(id: "quick", rows: stride(from: 0, to: keys.count, by: width).map { Array(keys[$0..<min(keys.count, $0 + width)]) }))
        return copy
    }

    // MARK: - Reading a keypad file

    static let fileFields = ["schema", "id", "name", "notes", "pages"]
    static let pageFields = ["id", "rows"]
    static let keyFields = ["action", "label"]
    static let labelFields = ["en", "zh"]

    /// Parses and checks a keypad file's text. Unknown fields and actions are refused with the
    /// nearest valid one; labels must fit a key; every page a key opens must exist.
    public static func parse(_ data: Data, file: String) throws(KeypadFileError) -> KeypadLayout {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw .notJSON(file) }
        if let unknown = UnknownName.check(root.keys, allowed: fileFields, place: file) { throw .unknownName(unknown) }
        guard root["schema"] as? Int == 1 else { throw .bad(file, "schema", t("1", "1")) }
        guard let id = root["id"] as? String, !id.isEmpty else { throw .bad(file, "id", t("the file's name", "文件名")) }
        let name = try label(root["name"], place: file) ?? t(id, id)
        guard let pageList = root["pages"] as? [Any], !pageList.isEmpty else { throw .bad(file, "pages", t("a list of pages", "页面列表")) }
        var pages: [Page] = []
        for (p, rawPage) in pageList.enumerated() {
            let place = "\(file), page \(p + 1)"
            guard let page = rawPage as? [String: Any] else { throw .bad(place, "pages", t("an object with id and rows", "含 id 和 rows 的对象")) }
            if let unknown = UnknownName.check(page.keys, allowed: pageFields, place: place) { throw .unknownName(unknown) }
            guard let pageID = page["id"] as? String, !pageID.isEmpty, pageID != "quick" else {
                throw .bad(place, "id", t("a page name (\"quick\" is the quick keys' own)", "页面名称（“quick” 为快捷键页保留）"))
            }
            guard let rawRows = page["rows"] as? [Any], (1...maxRows).contains(rawRows.count) else {
                throw .bad(place, "rows", t("1 to \(maxRows) rows", "1 到 \(maxRows) 行"))
            }
            var rows: [[Key]] = []
            for (r, rawRow) in rawRows.enumerated() {
                guard let keys = rawRow as? [Any], (1...maxColumns).contains(keys.count) else {
                    throw .bad("\(place), row \(r + 1)", "rows", t("a list of 1 to \(maxColumns) keys", "1 到 \(maxColumns) 个键的列表"))
                }
                rows.append(try keys.enumerated().map { (k, rawKey) throws(KeypadFileError) in
                    try key(rawKey, place: "\(place), row \(r + 1), key \(k + 1)")
                })
            }
            pages.append(Page(id: pageID, rows: rows))
        }
        let ids = pages.map(\.id) + ["quick"]
        for page in pages {
            for case .page(let target) in page.rows.joined().map(\.action) where !ids.contains(target) {
                throw .unknownName(UnknownName(place: "\(file), page \(page.id)", name: "page:" + target,
                                               kind: t("page", "页面"), known: ids.map { "page:" + $0 }))
            }
        }
        return KeypadLayout(id: id, name: name, pages: pages)
    }

    static func key(_ raw: Any, place: String) throws(KeypadFileError) -> Key {
        guard let object = raw as? [String: Any] else { throw .bad(place, "action", t("an object such as {\"action\": \"cash\"}", "如 {\"action\": \"cash\"} 的对象")) }
        if let unknown = UnknownName.check(object.keys, allowed: keyFields, place: place) { throw .unknownName(unknown) }
        guard let actionName = object["action"] as? String else { throw .bad(place, "action", t("an action name", "动作名称")) }
        guard let action = KeypadAction(name: actionName) else {
            throw .unknownName(UnknownName(place: place, name: actionName, kind: t("action", "动作"), known: KeypadAction.knownNames))
        }
        let key = Key(action, label: try label(object["label"], place: place))
        for text in [key.label.en, key.label.zh] where DisplayWidth.of(text) > labelWidth || text.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            throw .bad(place, "label", t("at most \(labelWidth) columns (a Chinese character takes two), no control characters",
                                         "最多 \(labelWidth) 列（汉字占两列），不含控制字符"))
        }
        return key
    }

    static func label(_ raw: Any?, place: String) throws(KeypadFileError) -> LocalizedText? {
        guard let raw else { return nil }
        guard let object = raw as? [String: Any] else { throw .bad(place, "label", t("{\"en\": …, \"zh\": …}", "{\"en\": …, \"zh\": …}")) }
        if let unknown = UnknownName.check(object.keys, allowed: labelFields, place: place) { throw .unknownName(unknown) }
        guard let en = object["en"] as? String, let zh = object["zh"] as? String else {
            throw .bad(place, "label", t("both \"en\" and \"zh\"", "同时给出 “en” 和 “zh”"))
        }
        return LocalizedText(en: en, zh: zh)
    }
}

/// A keypad or keyboard-map file the till cannot use, with where and what to write instead.
public enum KeypadFileError: Error, Hashable, Sendable {
    case notJSON(String)
    case bad(String, String, LocalizedText)
    case unknownName(UnknownName)
    case unreadable(String)

    public var message: LocalizedText {
        switch self {
        case .notJSON(let file): return t("\(file) is not a JSON object.", "\(file) 不是 JSON 对象。")
        case .bad(let place, let field, _): return t("\(place): \"\(field)\" is missing or wrong.", "\(place)：“\(field)” 缺失或有误。")
        case .unknownName(let unknown): return unknown.message
        case .unreadable(let path): return t("Cannot read \(path).", "无法读取 \(path)。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .notJSON: return t("Fix the file (Devices/keypads/README.md shows the format).", "请修正该文件（格式见 Devices/keypads/README.md）。")
        case .bad(_, let field, let expected): return t("Give \"\(field)\" as \(expected.en).", "“\(field)” 应为\(expected.zh)。")
        case .unknownName(let unknown): return unknown.remedy
        case .unreadable: return t("Check the path in the configuration ([keypad]) or on the command line.", "请检查配置（[keypad]）或命令行中的路径。")
        }
    }
}

/// A keypad or keyboard-map file the till cannot use: a `Problem` (its message and remedy above, a stable code).
extension KeypadFileError: Problem {
    public var code: String { "keypad_file_" + ProblemCode.caseName(of: self) }
}
