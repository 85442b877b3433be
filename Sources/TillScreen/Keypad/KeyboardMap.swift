import Foundation
import TillCore

/// What each key of a programmable POS keyboard sends and the keypad action it stands for,
/// as `till keypad learn` recorded it. The till hands the sequences to curses as keys of its
/// own, so they reach the key interpreter like any other key.
public struct KeyboardMap: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var sends: [UInt8]
        public var action: KeypadAction
        public init(sends: [UInt8], action: KeypadAction) {
            self.sends = sends
            self.action = action
        }
    }

    public var keyboard: String
    public private(set) var entries: [Entry] = []

    public init(keyboard: String) { self.keyboard = keyboard }

    public static let maxSequence = 32
    /// More keys than any POS keyboard has; each becomes a curses key code of the till's own.
    public static let maxKeys = 256

    /// Adds a key, or says why its sequence cannot be told apart from what the till reads.
    public mutating func add(_ sends: [UInt8], _ action: KeypadAction) throws(KeyboardMapProblem) {
        guard entries.count < Self.maxKeys else { throw .tooManyKeys }
        try Self.check(sends, against: entries)
        entries.append(Entry(sends: sends, action: action))
    }

    /// A sequence is usable when it is not something the keyboard or a mouse already sends
    /// (one typed character, Enter, Backspace, Esc alone, a mouse report) and differs from
    /// every key learned before it, and neither starts the other.
    static func check(_ sends: [UInt8], against entries: [Entry]) throws(KeyboardMapProblem) {
        guard (2...maxSequence).contains(sends.count) else {
            if sends.count == 1 { throw .typesACharacter(sends) }
            throw .tooLong(sends.count)
        }
        guard !sends.contains(0) else { throw .containsNUL }
        if sends.starts(with: [0x1B, 0x5B, 0x3C]) { throw .mouseReport }
        // A burst of printable text is a barcode or typing, not a key.
        if sends.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == 0x0D || $0 == 0x0A }) { throw .typesACharacter(sends) }
        if let same = entries.first(where: { $0.sends.starts(with: sends) || sends.starts(with: $0.sends) }) {
            throw .sameAs(same.action.name)
        }
    }

    // MARK: - File

    static let fileFields = ["schema", "keyboard", "keys"]
    static let entryFields = ["sends", "action"]

    public static func parse(_ data: Data, file: String) throws(KeypadFileError) -> KeyboardMap {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw .notJSON(file) }
        if let unknown = UnknownName.check(root.keys, allowed: fileFields, place: file) { throw .unknownName(unknown) }
        guard root["schema"] as? Int == 1 else { throw .bad(file, "schema", t("1", "1")) }
        var map = KeyboardMap(keyboard: root["keyboard"] as? String ?? "")
        guard let keys = root["keys"] as? [Any] else { throw .bad(file, "keys", t("a list of {\"sends\", \"action\"}", "{\"sends\", \"action\"} 列表")) }
        for (i, raw) in keys.enumerated() {
            let place = "\(file), key \(i + 1)"
            guard let entry = raw as? [String: Any] else { throw .bad(place, "keys", t("an object", "对象")) }
            if let unknown = UnknownName.check(entry.keys, allowed: entryFields, place: place) { throw .unknownName(unknown) }
            guard let hex = entry["sends"] as? String, let sends = Self.bytes(hex: hex) else {
                throw .bad(place, "sends", t("the bytes in hex, e.g. \"1b5b32357e\"", "十六进制字节，如 “1b5b32357e”"))
            }
            guard let name = entry["action"] as? String, let action = KeypadAction(name: name) else {
                throw .unknownName(UnknownName(place: place, name: entry["action"] as? String ?? "", kind: t("action", "动作"),
                                               known: KeypadAction.knownNames))
            }
            do { try map.add(sends, action) } catch { throw .bad(place, "sends", error.message) }
        }
        return map
    }

    /// The file `till keypad learn` writes: one key per line, bytes in hex.
    public var json: String {
        let keys = entries.map { "    {\"sends\": \"\(Self.hex($0.sends))\", \"action\": \"\(Self.escaped($0.action.name))\"}" }
        return "{\n  \"schema\": 1,\n  \"keyboard\": \"\(Self.escaped(keyboard))\",\n  \"keys\": [\n" + keys.joined(separator: ",\n") + "\n  ]\n}\n"
    }

    static func escaped(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0, digits.count <= maxSequence * 2,
              digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }) else { return nil }
        var out: [UInt8] = []
        for i in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[i...i + 1], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
        }
        return out
    }
}

/// Why a learned key cannot be used, and what to do.
public enum KeyboardMapProblem: Error, Hashable, Sendable {
    case typesACharacter([UInt8])
    case tooLong(Int)
    case containsNUL
    case mouseReport
    case sameAs(String)
    case tooManyKeys

    public var message: LocalizedText {
        switch self {
        case .typesACharacter(let bytes):
            let shown = KeyboardMap.hex(bytes)
            return t("That key sends \(shown), which the keyboard itself types (text, Enter or Esc): the till could not tell it from typing.",
                     "该键发送 \(shown)，与键盘本身输入的内容（文字、回车或 Esc）相同：收银程序无法区分。")
        case .tooLong(let n): return t("That key sent \(n) bytes; at most \(KeyboardMap.maxSequence) are kept.", "该键发送了 \(n) 个字节；最多保留 \(KeyboardMap.maxSequence) 个。")
        case .containsNUL: return t("That key sends a NUL byte, which a terminal cannot pass on.", "该键发送了 NUL 字节，终端无法传递。")
        case .mouseReport: return t("That was a mouse report, not a key.", "这是鼠标信号，不是按键。")
        case .tooManyKeys: return t("The map already has \(KeyboardMap.maxKeys) keys.", "键盘映射已有 \(KeyboardMap.maxKeys) 个键。")
        case .sameAs(let action): return t("That key sends the same as the key learned for \(action) (or one starts the other).",
                                           "该键与已学习的 \(action) 键发送相同的内容（或互为前缀）。")
        }
    }

    public var remedy: LocalizedText {
        if self == .tooManyKeys { return t("Learn only the keys the till needs (--actions).", "只学习需要的键（--actions）。") }
        return t("Program the key to send its own sequence (e.g. one starting with Esc, or an F13–F24 code), then press it again; Enter skips it.",
          "请把该键编程为发送独有的序列（如以 Esc 开头，或 F13–F24 键码），然后再按一次；按回车跳过。")
    }
}

/// A learned key the till cannot use: a `Problem` (its message and remedy above, a stable code).
extension KeyboardMapProblem: Problem {
    public var code: String { "learned_key_" + ProblemCode.caseName(of: self) }
}
