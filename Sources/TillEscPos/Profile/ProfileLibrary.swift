import Foundation

public enum ProfileError: Error, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case invalid(path: String, problems: [String])
    case idMismatch(path: String, id: String)
    case unknown(id: String, known: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "printer profile \(path) cannot be read: \(reason)"
        case .invalid(let path, let problems):
            return "printer profile \(path) is invalid:\n  " + problems.joined(separator: "\n  ")
        case .idMismatch(let path, let id): return "printer profile \(path) has id \"\(id)\": the id must equal the file name"
        case .unknown(let id, let known):
            return "no printer profile \"\(id)\"; known: \(known.joined(separator: ", "))"
        }
    }
}

/// The printer profiles in a directory (Devices/printers in the repository; the caller passes
/// the path, as installations keep it elsewhere).
public struct ProfileLibrary: Sendable {
    public let profiles: [String: PrinterProfile]

    public var ids: [String] { profiles.keys.sorted() }

    /// Loads and validates every `*.json`; the first bad file fails the whole load, naming it.
    public init(directory: String) throws {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw ProfileError.unreadable(path: directory, reason: "no such directory")
        }
        var profiles: [String: PrinterProfile] = [:]
        for file in files {
            let profile = try ProfileLibrary.load(file: directory + "/" + file)
            profiles[profile.id] = profile
        }
        self.profiles = profiles
    }

    public func profile(_ id: String) throws -> PrinterProfile {
        guard let p = profiles[id] else { throw ProfileError.unknown(id: id, known: ids) }
        return p
    }

    /// The profiles whose USB ids match a device seen on the bus.
    public func matching(vendorId: UInt16, productId: UInt16) -> [PrinterProfile] {
        profiles.values.filter { p in
            p.usb.contains { UInt16($0.vendorId, radix: 16) == vendorId && UInt16($0.productId, radix: 16) == productId }
        }.sorted { $0.id < $1.id }
    }

    public static func load(file path: String) throws -> PrinterProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ProfileError.unreadable(path: path, reason: "missing or not readable")
        }
        let profile: PrinterProfile
        do {
            profile = try JSONDecoder().decode(PrinterProfile.self, from: data)
        } catch let DecodingError.keyNotFound(key, ctx) {
            throw ProfileError.unreadable(path: path, reason: "missing field \((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))")
        } catch let DecodingError.typeMismatch(_, ctx) {
            throw ProfileError.unreadable(path: path, reason: "wrong type at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw ProfileError.unreadable(path: path, reason: "not valid JSON (\(error))")
        }
        let problems = profile.problems()
        guard problems.isEmpty else { throw ProfileError.invalid(path: path, problems: problems) }
        let base = (path as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "")
        guard base == profile.id else { throw ProfileError.idMismatch(path: path, id: profile.id) }
        return profile
    }
}
