import TillCore
import TillPorts

/// Why a till cannot take the users of a central revision (or the back office cannot sign
/// them): each names the cause and the remedy. The till's users stay as they were.
public enum PublicationProblem: StoreFailure, Equatable {
    /// `[central] users_key_file` is not set, or the file is not there.
    case noUserKey(revision: Int64?)
    /// The revision was signed with another chain user key than this till's.
    case otherUserKey(revision: Int64, signedWith: String, ours: String)
    /// The revision's user list does not carry a valid signature: changed in the database.
    case signatureWrong(revision: Int64)
    /// A published user that cannot be taken (bad text, an unreadable PIN hash).
    case userUnusable(revision: Int64, code: String, why: String)
    case userKeyUnreadable(path: String, cause: String)
    /// The revision's catalog (tax classes and items) carries no signature, and this till holds a chain user key.
    case catalogUnsigned(revision: Int64)
    /// The revision's catalog does not verify: changed in the database after it was published.
    case catalogSignatureWrong(revision: Int64)

    public var code: String {
        switch self {
        case .noUserKey: "central_users_no_key"
        case .otherUserKey: "central_users_other_key"
        case .signatureWrong: "central_users_signature_wrong"
        case .userUnusable: "central_user_unusable"
        case .userKeyUnreadable: "central_users_key_unreadable"
        case .catalogUnsigned: "central_catalog_unsigned"
        case .catalogSignatureWrong: "central_catalog_signature_wrong"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .noUserKey(let revision?):
            LocalizedText(en: "Central revision \(revision) carries users, and this till has no chain user key ([central] users_key_file).",
                          zh: "中央第 \(revision) 版包含用户，但本机没有连锁用户密钥（[central] users_key_file）。")
        case .noUserKey(nil):
            LocalizedText(en: "No chain user key is configured ([central] users_key_file).",
                          zh: "未配置连锁用户密钥（[central] users_key_file）。")
        case .otherUserKey(let revision, let signedWith, let ours):
            LocalizedText(en: "Central revision \(revision) was signed with chain user key \(signedWith), and this till holds key \(ours).",
                          zh: "中央第 \(revision) 版由连锁用户密钥 \(signedWith) 签署，而本机持有的是密钥 \(ours)。")
        case .signatureWrong(let revision):
            LocalizedText(en: "The users of central revision \(revision) do not carry a valid signature: they were changed in the central database after they were published.",
                          zh: "中央第 \(revision) 版的用户签名无效：发布后在中央数据库中被改动过。")
        case .userUnusable(let revision, let code, let why):
            LocalizedText(en: "User \(code) of central revision \(revision) cannot be taken: \(why).",
                          zh: "无法采用中央第 \(revision) 版中的用户 \(code)：\(why)。")
        case .userKeyUnreadable(let path, let cause):
            LocalizedText(en: "Cannot use the chain user key file \(path): \(cause).", zh: "无法使用连锁用户密钥文件 \(path)：\(cause)。")
        case .catalogUnsigned(let revision):
            LocalizedText(en: "The catalog of central revision \(revision) carries no signature, and this till takes only catalogs signed with its chain user key.",
                          zh: "中央第 \(revision) 版的商品目录没有签名，而本机只接受用连锁用户密钥签署的目录。")
        case .catalogSignatureWrong(let revision):
            LocalizedText(en: "The catalog (items, prices, tax classes) of central revision \(revision) does not carry a valid signature: it was changed in the central database after it was published.",
                          zh: "中央第 \(revision) 版的商品目录（商品、价格、税类）签名无效：发布后在中央数据库中被改动过。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .noUserKey, .otherUserKey:
            LocalizedText(en: "Copy the chain user key file from the back office to this till (mode 0600) and set [central] users_key_file to it; the till keeps its users until then.",
                          zh: "请把后台的连锁用户密钥文件复制到本机（权限 0600），并将 [central] users_key_file 设为该文件；在此之前本机保留现有用户。")
        case .signatureWrong, .userUnusable:
            LocalizedText(en: "The till keeps its users; publish the users again from the back office (`till central publish --users FILE`) and check who can write to the central database.",
                          zh: "本机保留现有用户；请在后台重新发布用户（`till central publish --users 文件`），并检查谁能写入中央数据库。")
        case .catalogUnsigned, .catalogSignatureWrong:
            LocalizedText(en: "The till keeps selling from its last catalog; publish the catalog again from a back office that holds the chain user key (`till central publish`), and check who can write to the central database.",
                          zh: "本机继续按上一版目录销售；请在持有连锁用户密钥的后台重新发布目录（`till central publish`），并检查谁能写入中央数据库。")
        case .userKeyUnreadable(let path, _):
            LocalizedText(en: "Restore the file from the back office's copy with mode 0600 (`chmod 600 \(path)`).",
                          zh: "请从后台的副本恢复该文件，权限 0600（`chmod 600 \(path)`）。")
        }
    }
}
