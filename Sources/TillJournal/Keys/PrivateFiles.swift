import Foundation

/// Files only the till's user may read: folders the till creates are 0700, its files 0600. A
/// journal holds PIN hashes and the key file holds the chain key, so neither may ever be readable
/// by another account on the machine.
enum PrivateFiles {
    static let folderMode: mode_t = 0o700
    static let fileMode: mode_t = 0o600

    /// Creates `folder` and any missing parents as 0700 (folders that exist are left as they are:
    /// `--db /tmp/x.sqlite` must not change /tmp).
    static func createFolder(_ folder: String) throws {
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        try createFolder((folder as NSString).deletingLastPathComponent)
        if mkdir(folder, folderMode) != 0, errno != EEXIST {
            throw JournalError.folderNotCreatable(folder: folder, cause: String(cString: strerror(errno)))
        }
        _ = chmod(folder, folderMode) // mkdir honours the umask
    }

    /// Creates `path` empty with mode 0600 if it does not exist; an existing file of ours that is
    /// readable by others is tightened to 0600.
    static func createOrTighten(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw JournalError.notWritable(path: path, cause: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 {
            _ = fchmod(fd, fileMode)
        }
    }

    /// Writes `text` to `path` atomically (a 0600 temporary file renamed over it).
    static func write(_ text: String, to path: String, sync: Bool) throws {
        // Unique per write: two threads or two processes never share a temporary file.
        let temporary = path + ".tmp-\(getpid())-\(UInt64.random(in: 0 ... .max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, fileMode)
        guard fd >= 0 else { throw JournalError.fileNotWritable(path: path, cause: String(cString: strerror(errno))) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let synced = !sync || fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            let cause = String(cString: strerror(errno))
            unlink(temporary)
            throw JournalError.fileNotWritable(path: path, cause: cause)
        }
    }

    /// Creates `path` (0600, never over an existing file), writes `text` and syncs it; nil on
    /// success, else the cause (a partly written file is removed).
    static func createNew(_ text: String, at path: String) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced else {
            unlink(path)
            return "it could not be written completely"
        }
        return nil
    }
}
