import Foundation
import TillCentral
import TillCore
import TillJournal
import TillPorts

/// `till central publish --users FILE`: the back office's user list, read, hashed with the
/// chain user key and checked before anything is published.
enum PublishedUsersFile {
    static func list(from path: String, actor: User, env: TillEnvironment, settings: CentralSettings) throws -> CatalogPublication.UserList {
        let permissions = env.config.register.policy.permissions
        guard permissions.allows(actor.role, .manageUsers) else {
            throw CLIError(code: "not_permitted",
                           en: "\(actor.name) (\(actor.code)) is a \(actor.role.rawValue), and that role may not manageUsers: publishing users changes who signs in at every till.",
                           zh: "\(actor.name)（\(actor.code)）的角色是 \(actor.role.label.zh)，该角色没有 manageUsers 权限：发布用户会改变每台收银机上可以登录的人。",
                           remedyEn: "Ask a user whose role has both importCatalog and manageUsers (an admin by default) to publish with --by THEIR-CODE.",
                           remedyZh: "请让同时具有 importCatalog 和 manageUsers 权限的用户（默认是管理员）用 --by 其代码 发布。")
        }
        let key = try userKey(settings)
        let previous = try CentralCommand.central {
            try Blocking.wait {
                try await CatalogPublication.newestUsers(after: 0, shop: settings.shop, connection: CentralConnection(settings: settings))
            }
        }
        // Kept PINs come only from a list this key signed (never one changed in the database).
        let earlier = previous.flatMap { set -> [PublishedUser]? in
            guard set.keyID == key.id, key.verifies(set.signature, over: set.signingText) else { return nil }
            return try? JSONDecoder().decode([PublishedUser].self, from: Data(set.usersJSON.utf8))
        } ?? []
        let users = try UserListReader(key: key, rounds: env.config.pinHashRounds, pinPolicy: env.config.pinPolicy)
            .read(path: path, previous: earlier)
        // A chain whose users cannot approve could not unlock, refund above a limit or close a
        // clerk's Z anywhere: that list is never published.
        guard users.contains(where: { permissions.allows($0.role, .approve) }) else {
            throw CLIError(code: "user_list_without_approver",
                           en: "The user list \(path) has nobody whose role may approve (supervisor or admin): published, it would lock every till out of approvals and of user changes.",
                           zh: "用户名单 \(path) 中没有可以审批的角色（主管或管理员）：发布后每台收银机都将无法审批，也无法再更改用户。",
                           remedyEn: "Add at least one supervisor or admin to the file and publish again; nothing was published.",
                           remedyZh: "请在文件中至少加入一名主管或管理员后重新发布；本次未发布任何内容。")
        }
        return CatalogPublication.UserList(users: users, keyID: key.id, sign: { key.sign($0) })
    }

    /// The chain user key: `[central] users_key_file`, created (0600) on first publication.
    static func userKey(_ settings: CentralSettings) throws -> ChainUserKey {
        guard let path = settings.usersKeyFile else {
            throw CLIError(code: "central_users_no_key",
                           en: "Publishing users needs the chain user key, and [central] users_key_file is not set.",
                           zh: "发布用户需要连锁用户密钥，但未设置 [central] users_key_file。",
                           remedyEn: "Set [central] users_key_file = \"/etc/till/chain-users.key\" (any path only the till's account can read); the first publication creates the file. Copy it to every till.",
                           remedyZh: "请设置 [central] users_key_file = \"/etc/till/chain-users.key\"（仅收银程序账户可读的路径）；首次发布时会创建该文件。请把它复制到每台收银机。")
        }
        if let key = try ChainUserKey.load(path: path) { return key }
        let key = ChainUserKey.generate()
        try key.create(path: path)
        Output.error(Output.language == .zh
            ? "已创建连锁用户密钥 \(path)（\(key.id)）：请把它复制到每台收银机（权限 0600），并在其配置中设置 [central] users_key_file。"
            : "Created the chain user key \(path) (\(key.id)): copy it to every till (mode 0600) and set [central] users_key_file there.")
        return key
    }
}
