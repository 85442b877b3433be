import TillCore
import TillPorts

/// What the central journal throws: cause and remedy in English and Chinese, as every store
/// failure (`StoreFailure`), so the runtime, `till central status` and the screen tell it the same way.
/// `kind` is the same failure as the cross-till port types it (`CrossTillFailure`): one concept,
/// told in words here and in the core's refusal there.
public struct CentralFailure: StoreFailure, Equatable, CustomStringConvertible {
    /// Stable for each factory below ("central_unreachable"); "central_failure" otherwise.
    public var code: String
    public var message: LocalizedText
    public var remedy: LocalizedText
    public var kind: CrossTillFailure

    public init(code: String = "central_failure", message: LocalizedText, remedy: LocalizedText, kind: CrossTillFailure? = nil) {
        self.code = code
        self.message = message
        self.remedy = remedy
        self.kind = kind ?? .refused(detail: message.en)
    }

    public init(code: String = "central_failure", en: String, zh: String, remedyEn: String, remedyZh: String, kind: CrossTillFailure? = nil) {
        self.init(code: code, message: LocalizedText(en: en, zh: zh), remedy: LocalizedText(en: remedyEn, zh: remedyZh), kind: kind)
    }

    public var description: String { "\(message.en) → \(remedy.en)" }

    static func badURL(_ url: String, _ why: String, _ whyZh: String) -> CentralFailure {
        CentralFailure(code: "central_bad_url", en: "The central journal address \"\(url)\" is not valid: \(why).",
                       zh: "中央日志地址 \"\(url)\" 无效：\(whyZh)。",
                       remedyEn: "Write [central] url as postgres://USER@HOST:PORT/DATABASE (or ?host=/socket/folder); the password goes in $TILL_CENTRAL_PASSWORD or [central] password_file.",
                       remedyZh: "请将 [central] url 写成 postgres://用户@主机:端口/数据库（或 ?host=/套接字目录）；密码放在 $TILL_CENTRAL_PASSWORD 或 [central] password_file 中。")
    }

    static func unreachable(_ where_: String, _ cause: String) -> CentralFailure {
        CentralFailure(code: "central_unreachable", en: "The central journal at \(where_) cannot be reached: \(cause).",
                       zh: "无法连接中央日志 \(where_)：\(cause)。",
                       remedyEn: "Sales go on into this till's own journal and are sent when the link returns; check the network and that PostgreSQL runs (`till central status`).",
                       remedyZh: "销售照常记入本机日志，连接恢复后自动发送；请检查网络和 PostgreSQL 是否在运行（`till central status`）。",
                       kind: .unreachable(detail: cause))
    }

    static func timedOut(_ where_: String, seconds: Int) -> CentralFailure {
        CentralFailure(code: "central_timed_out", en: "The central journal at \(where_) did not answer within \(seconds) s.",
                       zh: "中央日志 \(where_) 在 \(seconds) 秒内没有应答。",
                       remedyEn: "Sales go on locally and are sent later; check the network or raise [central] query_timeout_seconds.",
                       remedyZh: "销售照常在本机记录，稍后发送；请检查网络或调大 [central] query_timeout_seconds。",
                       kind: .timedOut(milliseconds: Int64(seconds) * 1000))
    }

    static func refused(_ cause: String) -> CentralFailure {
        CentralFailure(code: "central_refused", en: "The central journal refused the request: \(cause).",
                       zh: "中央日志拒绝了请求：\(cause)。",
                       remedyEn: "Check the role's rights on the central database (README, \"A central journal\").",
                       remedyZh: "请检查该角色在中央数据库上的权限（见 README“A central journal”）。",
                       kind: .refused(detail: cause))
    }
}
