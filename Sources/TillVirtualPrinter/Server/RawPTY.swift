import Foundation
import TillCore
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair whose slave is in raw mode (no echo, no line editing, 8-bit clean),
/// like a serial line to a device: what the virtual printer and the virtual customer display
/// sit behind for software that talks to a serial port.
struct RawPTY {
    let master: Int32
    let slave: Int32
    /// The slave's path, e.g. /dev/pts/7.
    let path: String

    init() throws {
        var m: Int32 = -1, s: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        guard openpty(&m, &s, &name, nil, nil) == 0 else {
            throw SystemCallError("openpty", hint: LocalizedText(en: "Mount /dev/pts (a container needs devpts).", zh: "请挂载 /dev/pts（容器需要 devpts）。"))
        }
        var tio = termios()
        tcgetattr(s, &tio)
        cfmakeraw(&tio)
        tcsetattr(s, TCSANOW, &tio)
        master = m
        slave = s
        path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
