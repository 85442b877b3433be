import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `file:PATH`: each job's bytes appended to a file, for capturing what the till sends (to
/// replay with `till printer emulate --listen file:PATH`, or to compare). Never truncates and
/// never follows a symbolic link; a path that exists as anything but a regular file is
/// refused, so a typo cannot write into a device or over a journal. Nothing answers: jobs end
/// *unknown*, never printed.
public final class CaptureFileTransport: PrinterTransport {
    public let path: String
    private var fd: Int32 = -1

    public init(path: String) { self.path = path }
    deinit { close() }

    public var name: String { "file:\(path)" }
    public var isOpen: Bool { fd >= 0 }

    public func open() throws {
        close()
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            throw PrinterDeviceError(.badAddress, en: "\(path) exists and is not a regular file: a capture only appends to files",
                                     zh: "\(path) 已存在且不是普通文件：捕获只能追加到普通文件",
                                     remedyEn: "give file: a new path, or an existing capture file",
                                     remedyZh: "请为 file: 指定新路径或已有的捕获文件")
        }
        let f = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard f >= 0 else {
            let code = errno
            if code == EACCES || code == EPERM { throw PrinterDeviceError.permission(path) }
            throw PrinterDeviceError(.io, en: "cannot open the capture file \(path): \(String(cString: strerror(code)))",
                                     zh: "无法打开捕获文件 \(path)：\(String(cString: strerror(code)))",
                                     remedyEn: "give file: a path in a folder that exists and you can write",
                                     remedyZh: "请为 file: 指定一个存在且可写的文件夹中的路径")
        }
        fd = f
    }

    /// One write call per job: with O_APPEND the bytes land after whatever the file holds.
    public func write(_ bytes: [UInt8], timeout: Double) throws {
        guard fd >= 0 else { throw PrinterDeviceError.disconnected(name, sent: 0, total: bytes.count) }
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(fd, base + sent, raw.count - sent)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw PrinterDeviceError.io("cannot append to \(path)", String(cString: strerror(errno)))
            }
            sent += n
        }
    }

    public var answersStatus: Bool { false }

    /// A file never answers.
    public func read(timeout: Double) throws -> [UInt8] { [] }

    public func close() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
    }
}
