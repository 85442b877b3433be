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
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFiles.fileMode)
        guard fd >= 0 else { throw JournalError.fileNotWritable(path: path, cause: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            throw JournalError.fileNotWritable(path: path, cause: "it could not be written completely")
        }
    }
}
