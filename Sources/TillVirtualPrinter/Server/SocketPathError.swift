import TillCore

/// A unix socket path that cannot be used, in words a technician can act on, English and
/// Chinese. Raised instead of replacing anything at the path that is not a stale socket.
public struct SocketPathError: Problem, CustomStringConvertible, Sendable {
    public let code: String
    public let path: String
    public let message: LocalizedText
    public let remedy: LocalizedText

    public var description: String { "\(message.en) — \(remedy.en)\n\(message.zh) — \(remedy.zh)" }

    static func notASocket(_ path: String, kind: String) -> SocketPathError {
        SocketPathError(code: "socket_path_not_a_socket", path: path,
                        message: LocalizedText(en: "\(path) is \(kind), not a socket: it was left untouched",
                                               zh: "\(path) 是\(kindZh(kind))，不是套接字：未做任何改动"),
                        remedy: LocalizedText(en: "give a control socket path where nothing exists yet, e.g. /run/user/$UID/till-printer.sock",
                                              zh: "请指定一个尚不存在的控制套接字路径，例如 /run/user/$UID/till-printer.sock"))
    }

    static func inUse(_ path: String) -> SocketPathError {
        SocketPathError(code: "socket_path_in_use", path: path,
                        message: LocalizedText(en: "\(path) is a socket another program is listening on",
                                               zh: "\(path) 是另一个程序正在监听的套接字"),
                        remedy: LocalizedText(en: "stop that program (another emulator or till) or choose another control socket path",
                                              zh: "请停止该程序（另一个模拟器或收银机），或换一个控制套接字路径"))
    }

    private static func kindZh(_ kind: String) -> String {
        switch kind {
        case "a directory": return "目录"
        case "a regular file": return "普通文件"
        case "a device": return "设备文件"
        case "a symbolic link": return "符号链接"
        default: return "其他类型的文件"
        }
    }
}
