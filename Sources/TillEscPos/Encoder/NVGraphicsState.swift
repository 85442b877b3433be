import Foundation
import TillGraphics

/// What one printer holds in its NV graphics memory, as far as this till knows: key → which
/// bitmap. Kept in a small JSON file per printer (the caller chooses the path), so a logo is
/// written to flash once (Epson advises under ten NV writes a day) and then printed by key.
public struct NVGraphicsState: Codable, Hashable, Sendable {
    public struct Entry: Codable, Hashable, Sendable {
        /// FNV-1a 64 of width, height and dots, in hex: detects a changed logo.
        public var digest: String
        public var width: Int
        public var height: Int

        public init(digest: String, width: Int, height: Int) {
            self.digest = digest
            self.width = width
            self.height = height
        }
    }

    public var entries: [String: Entry]

    public init(entries: [String: Entry] = [:]) { self.entries = entries }

    public func holds(_ bitmap: Bitmap, key: String) -> Bool { entries[key]?.digest == NVGraphicsState.digest(bitmap) }

    public static func digest(_ bitmap: Bitmap) -> String {
        var h: UInt64 = 0xcbf29ce484222325
        func mix(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        for v in [bitmap.width, bitmap.height] { for s in stride(from: 0, to: 32, by: 8) { mix(UInt8(v >> s & 0xFF)) } }
        for b in bitmap.bits { mix(b) }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads the state file; a missing file means nothing is known to be stored.
    public static func load(path: String) throws -> NVGraphicsState {
        guard let data = FileManager.default.contents(atPath: path) else { return NVGraphicsState() }
        do { return try JSONDecoder().decode(NVGraphicsState.self, from: data) }
        catch { throw NVStateError.corrupt(path: path) }
    }

    /// Writes atomically (temporary file + rename), so a crash never leaves half a file.
    public func save(path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do { try encoder.encode(self).write(to: URL(fileURLWithPath: path), options: .atomic) }
        catch { throw NVStateError.unwritable(path: path, reason: "\(error)") }
    }
}

public enum NVStateError: Error, CustomStringConvertible, Equatable {
    case corrupt(path: String)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .corrupt(let path):
            return "NV graphics state \(path) is not valid JSON: delete it (the logo is then stored again on the next receipt)"
        case .unwritable(let path, let reason): return "cannot write NV graphics state \(path): \(reason)"
        }
    }
}
