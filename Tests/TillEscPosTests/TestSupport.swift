import Foundation
import TillCore
@testable import TillEscPos

/// Repository paths found from this file, so tests run from any working directory.
enum Repo {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let printers = root + "/Devices/printers"
}

enum Profiles {
    static let library: ProfileLibrary = try! ProfileLibrary(directory: Repo.printers)
    static func get(_ id: String) -> PrinterProfile { try! library.profile(id) }
    static let encoders: [String: SlipEncoder] = library.profiles.mapValues { SlipEncoder(profile: $0) }
    static func encoder(_ id: String) -> SlipEncoder { encoders[id]! }
}

extension Array where Element == UInt8 {
    /// Index of the first occurrence of `needle`, or nil.
    func firstRange(of needle: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        for i in 0...(count - needle.count) where self[i] == needle[0] && Array(self[i..<(i + needle.count)]) == needle {
            return i..<(i + needle.count)
        }
        return nil
    }

    func contains(_ needle: [UInt8]) -> Bool { firstRange(of: needle) != nil }

    func occurrences(of needle: [UInt8]) -> Int {
        guard !needle.isEmpty, needle.count <= count else { return 0 }
        var n = 0, i = 0
        while i <= count - needle.count {
            if self[i] == needle[0] && Array(self[i..<(i + needle.count)]) == needle { n += 1; i += needle.count } else { i += 1 }
        }
        return n
    }
}

/// A writer's bytes after the job preamble: ESC @, then FS . on a profile without a Chinese
/// mode (ProfileCatalogTests pins the preamble itself).
func body(_ w: EscPosWriter) -> [UInt8] { Array(w.bytes.dropFirst(preamble(w.profile).count)) }

func preamble(_ p: PrinterProfile) -> [UInt8] { EscPos.initialize + (p.multibyte.isEmpty ? EscPos.exitMultibyte : []) }

func writer(_ id: String) -> EscPosWriter {
    let enc = Profiles.encoder(id)
    return EscPosWriter(profile: enc.profile, text: enc.text)
}
