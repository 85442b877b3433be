import Foundation
import Synchronization
import TillCore

/// One process per till id on a journal. Two processes with the same till would hand out the
/// same receipt numbers (the second then fails every sale), so the second refuses to start,
/// naming the process that holds the till.
///
/// The lock is `flock` on a file beside the journal (`journal.sqlite.till-01.lock`, 0600): the
/// kernel releases it when the holder exits however it exits, so a crashed till never leaves it
/// stale. The file holds the holder's pid and command, for the message only.
enum TillLock {
    /// Locks taken by this process, by lock-file path: held until the process exits (a second
    /// `flock` from this process on a new descriptor would refuse itself).
    private static let held = Mutex<[String: Int32]>([:])

    static func path(journal: String, till: String) -> String { journal + ".till-\(till).lock" }

    /// Takes the lock for `till` on `journal`, or throws naming who holds it.
    static func acquire(journal: String, till: String) throws {
        let path = path(journal: journal, till: till)
        try held.withLock { locks in
            guard locks[path] == nil else { return }
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let number = errno
                throw CLIError(code: "lock_file_unusable", en: "Cannot open the till's lock file \(path): \(String(cString: strerror(number))).",
                               zh: "无法打开收银机锁文件 \(path)：\(SystemReason.chinese(number))。",
                               remedyEn: "Check that the data folder is yours and writable.",
                               remedyZh: "请检查数据文件夹归您所有且可写。")
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let holder = description(of: fd)
                close(fd)
                throw CLIError(code: "till_already_running", en: "Till \(till) is already running on the journal \(journal)\(holder.map { " (\($0))" } ?? ""). Two processes for one till would give out the same receipt numbers.",
                               zh: "收银机 \(till) 已在日志 \(journal) 上运行\(holder.map { "（\($0)）" } ?? "")。同一收银机的两个进程会发出重复的收据号。",
                               remedyEn: "Use the till that is running, or stop it first\(holder == nil ? "" : " (kill the process named)"); a second till on this journal needs its own till.id.",
                               remedyZh: "请使用正在运行的收银机，或先将其停止\(holder == nil ? "" : "（结束上述进程）")；同一日志上的第二台收银机需要不同的 till.id。")
            }
            // "till exec", "till run": the program and its subcommand words, no options (they may hold paths).
            let words = [(CommandLine.arguments.first.map { ($0 as NSString).lastPathComponent } ?? "till")]
                + CommandLine.arguments.dropFirst().prefix { !$0.hasPrefix("-") }.prefix(2)
            let note = "pid \(getpid()): \(words.joined(separator: " "))\n"
            _ = ftruncate(fd, 0)
            _ = note.utf8CString.withUnsafeBufferPointer { pwrite(fd, $0.baseAddress, $0.count - 1, 0) }
            locks[path] = fd
        }
    }

    /// "process 1234: till exec", from the lock file (nil when it says nothing readable).
    private static func description(of fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        let text = String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("pid "), !text.contains(where: { $0.isNewline }) else { return nil }
        return "process " + text.dropFirst(4)
    }
}
