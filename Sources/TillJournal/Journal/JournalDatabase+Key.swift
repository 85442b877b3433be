import Foundation
import TillCore

extension JournalDatabase {
    /// The key file's text for escrow, after a chained entry saying who (`by`) took a copy.
    public func escrowKey(by: String) throws -> String {
        try record([.keyEscrowed], by: by)
        return key.fileText
    }

    /// Writes an escrow copy to a new file, 0600 (never over an existing file).
    public static func writeKeyCopy(_ text: String, to path: String) throws {
        if let cause = PrivateFiles.createNew(text, at: path) { throw JournalError.fileNotWritable(path: path, cause: cause) }
    }
}
