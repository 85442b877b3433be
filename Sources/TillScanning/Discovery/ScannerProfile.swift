import Foundation
import TillCore

/// A scanner model (or maker) as described in Devices/scanners/<id>.json; schema in
/// Devices/scanners/README.md. Discovery uses the USB ids; `till scanner test` the defaults.
public struct ScannerProfile: Hashable, Sendable, Codable {
    public struct USBID: Hashable, Sendable, Codable {
        /// Four lower-case hex digits, e.g. "0c2e".
        public var vendorId: String
        /// Four lower-case hex digits; absent means "any product of this vendor".
        public var productId: String?
    }

    public enum Interface: String, Hashable, Sendable, Codable {
        case hidKeyboard = "hid-keyboard", serial, cdcAcm = "cdc-acm"
    }

    public var schema: Int
    public var id: String
    public var name: String
    public var vendor: String
    public var usb: [USBID]
    /// Interfaces the model can be switched to, the factory default first.
    public var interfaces: [Interface]
    public var defaultSuffix: String
    public var aimIdsDefault: Bool
    public var defaultBaud: Int?
    public var notes: String

    public func matches(vendor: String, product: String) -> Bool {
        usb.contains { $0.vendorId == vendor.lowercased() && ($0.productId == nil || $0.productId == product.lowercased()) }
    }
}

/// Loading and finding scanner profiles.
public enum ScannerProfiles {
    public struct LoadError: Error, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { "scanner profile \(file): \(reason)" }
    }

    /// Every *.json in `directory`, validated (ids, hex USB ids, known suffix), sorted by id.
    public static func load(directory: String) throws -> [ScannerProfile] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file))
            let profile: ScannerProfile
            do { profile = try JSONDecoder().decode(ScannerProfile.self, from: data) } catch {
                throw LoadError(file: file, reason: "not valid JSON for the schema: \(error)")
            }
            func fail(_ reason: String) -> LoadError { LoadError(file: file, reason: reason) }
            guard profile.schema == 1 else { throw fail("schema must be 1") }
            guard profile.id + ".json" == file else { throw fail("id \"\(profile.id)\" must equal the file name") }
            let hex = { (s: String) in s.count == 4 && s.allSatisfy { "0123456789abcdef".contains($0) } }
            for id in profile.usb where !hex(id.vendorId) || !(id.productId.map(hex) ?? true) {
                throw fail("USB ids must be four lower-case hex digits")
            }
            guard ScanSuffix(rawValue: profile.defaultSuffix) != nil else { throw fail("defaultSuffix must be cr, lf, crlf or none") }
            guard !profile.interfaces.isEmpty else { throw fail("interfaces must not be empty") }
            return profile
        }
    }

    /// Devices/scanners: $TILL_DEVICES_DIR/scanners, else the first Devices/scanners walking up
    /// from the executable, then from the current directory. Nil if there is none.
    public static func defaultDirectory() -> String? {
        if let env = ProcessInfo.processInfo.environment["TILL_DEVICES_DIR"], !env.isEmpty {
            return FileManager.default.fileExists(atPath: env + "/scanners") ? env + "/scanners" : nil
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for start in [executable, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)] {
            var url = start.standardizedFileURL
            while true {
                let candidate = url.appendingPathComponent("Devices/scanners").path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                if url.path == "/" { break }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }
}

/// A scanner profile that cannot be loaded: a `Problem`.
extension ScannerProfiles.LoadError: Problem {
    public var code: String { "scanner_profile_unreadable" }
    public var message: LocalizedText {
        LocalizedText(en: "The scanner profile \(file) cannot be used: \(reason).", zh: "扫描枪配置 \(file) 无法使用：\(reason)。")
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Correct it as Devices/scanners/README.md describes, or restore it from the release.",
                      zh: "请按 Devices/scanners/README.md 改正，或从发布版本恢复。")
    }
}
