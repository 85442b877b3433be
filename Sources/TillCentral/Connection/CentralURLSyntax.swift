/// Why a `[central] url` is not a URL at all (Foundation's parser gives no reason): the first
/// thing wrong, read from the text itself, so the keeper is told "unclosed [" rather than a
/// cause that is not the one (such a URL does start with postgres://).
enum CentralURLSyntax {
    static let schemes = ["postgres://", "postgresql://"]

    /// The cause in English and Chinese; nil when the text's shape gives none.
    static func cause(of text: String) -> (en: String, zh: String)? {
        guard let scheme = schemes.first(where: { text.hasPrefix($0) }) else {
            return ("it does not start with postgres://", "不是以 postgres:// 开头")
        }
        let rest = text.dropFirst(scheme.count)
        let authority = rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        let hostPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? authority[...]
        let open = hostPort.firstIndex(of: "["), close = hostPort.firstIndex(of: "]")
        switch (open, close) {
        case (.some, nil):
            return ("the IPv6 address's bracket [ is not closed (write [::1]:5432)", "IPv6 地址的方括号 [ 没有闭合（应写作 [::1]:5432）")
        case (nil, .some):
            return ("] closes no IPv6 address (write [::1]:5432)", "] 前没有对应的 [（IPv6 地址应写作 [::1]:5432）")
        case (.some(let o), .some(let c)) where c < o:
            return ("] comes before [ in the host (write [::1]:5432)", "主机中 ] 出现在 [ 之前（IPv6 地址应写作 [::1]:5432）")
        case (.some, .some(let c)):
            let after = hostPort[hostPort.index(after: c)...]
            if !after.isEmpty && !after.hasPrefix(":") {
                return ("only :PORT may follow the IPv6 address's ] (write [::1]:5432)", "IPv6 地址的 ] 之后只能是 :端口（应写作 [::1]:5432）")
            }
            return portCause(String(after.dropFirst()))
        case (nil, nil):
            guard let colon = hostPort.lastIndex(of: ":") else { return nil }
            return portCause(String(hostPort[hostPort.index(after: colon)...]))
        }
    }

    private static func portCause(_ port: String) -> (en: String, zh: String)? {
        port.allSatisfy(\.isASCII) && port.allSatisfy(\.isNumber) ? nil : ("port is not a number", "端口不是数字")
    }
}
