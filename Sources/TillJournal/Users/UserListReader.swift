import Foundation
import TillCore
import TillPorts

/// The back office's user list for `till central publish --users FILE`: a CSV with the header
/// `code,name,role,pin`, one user per row. `pin` is the user's PIN for a new user or a PIN
/// change; empty, the PIN of the list published last is kept (so the file need hold PINs only
/// while they change). PINs leave this reader only as chain hashes (`ChainUserKey.pinHash`).
/// Every bad row is reported by line, and nothing is published while one is.
public struct UserListReader {
    public static let columns = ["code", "name", "role", "pin"]
    let key: ChainUserKey
    let rounds: Int
    let pinPolicy: PinPolicy

    public init(key: ChainUserKey, rounds: Int, pinPolicy: PinPolicy) {
        self.key = key
        self.rounds = rounds
        self.pinPolicy = pinPolicy
    }

    public func read(path: String, previous: [PublishedUser]) throws -> [PublishedUser] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw JournalError.fileNotReadable(path: path, cause: exists ? "permission denied" : "no such file")
        }
        return try read(bytes: Array(data), previous: previous)
    }

    public func read(bytes: [UInt8], previous: [PublishedUser]) throws -> [PublishedUser] {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else { throw JournalError.catalogHeaderWrong(found: [], expected: Self.columns) }
        guard header.problem == nil, header.fields.map({ $0.trimmingSpaces.lowercased() }) == Self.columns else {
            throw JournalError.catalogHeaderWrong(found: header.fields, expected: Self.columns)
        }
        let earlier = Dictionary(previous.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var users: [PublishedUser] = [], rejected: [UserListProblem.Line] = [], firstLine: [String: Int] = [:]
        func reject(_ line: Int, _ en: String, _ zh: String) { rejected.append(.init(line: line, problem: LocalizedText(en: en, zh: zh))) }
        while let record = reader.next() {
            if let problem = record.problem {
                rejected.append(.init(line: record.line, problem: problem.message))
                reader.resume(after: record)
                continue
            }
            let fields = record.fields.map(\.trimmingSpaces)
            guard fields.count == Self.columns.count else {
                reject(record.line, "\(fields.count) columns, expected 4 (code,name,role,pin)", "有 \(fields.count) 列，应为 4 列（code,name,role,pin）")
                continue
            }
            let (code, name, roleText, pin) = (fields[0], fields[1], fields[2].lowercased(), fields[3])
            guard !code.isEmpty, !name.isEmpty, InputText.firstForbidden(in: code) == nil, InputText.firstForbidden(in: name) == nil else {
                reject(record.line, "code and name must be filled in, without control characters", "代码和姓名必须填写，且不能含控制字符")
                continue
            }
            guard let role = Role(rawValue: roleText) else {
                let names = Role.allCases.map(\.rawValue).joined(separator: ", ")
                reject(record.line, "role \"\(fields[2])\" is not one of \(names)", "角色 “\(fields[2])” 不是 \(names) 之一")
                continue
            }
            if let line = firstLine[code] {
                reject(record.line, "user \(code) is already on line \(line) (each code once)", "用户 \(code) 已在第 \(line) 行（每个代码只能出现一次）")
                continue
            }
            firstLine[code] = record.line
            if pin.isEmpty {
                guard let kept = earlier[code] else {
                    reject(record.line, "user \(code) has no PIN, and no list published before has one for it: write the PIN",
                           "用户 \(code) 没有密码，之前发布的名单中也没有：请填写密码")
                    continue
                }
                users.append(PublishedUser(code: code, name: name, role: role, pinHash: kept.pinHash))
                continue
            }
            if let problem = pinPolicy.problem(pin, role: role) {
                let en = problem.message.en.hasSuffix(".") ? String(problem.message.en.dropLast()) : problem.message.en
                let zh = problem.message.zh.hasSuffix("。") ? String(problem.message.zh.dropLast()) : problem.message.zh
                reject(record.line, "user \(code): \(en)", "用户 \(code)：\(zh)")
                continue
            }
            users.append(PublishedUser(code: code, name: name, role: role, pinHash: try key.pinHash(pin, rounds: rounds)))
        }
        guard rejected.isEmpty else { throw UserListProblem(lines: rejected) }
        return users
    }
}

/// The rows of a user list that cannot be published, each by line.
public struct UserListProblem: Problem, Equatable {
    public struct Line: Hashable, Sendable {
        public var line: Int
        public var problem: LocalizedText
    }
    public var lines: [Line]

    public var code: String { "user_list_rejected" }
    public var message: LocalizedText {
        LocalizedText(en: "The user list was not published: " + lines.map { "line \($0.line): \($0.problem.en)" }.joined(separator: "; ") + ".",
                      zh: "用户名单未发布：" + lines.map { "第 \($0.line) 行：\($0.problem.zh)" }.joined(separator: "；") + "。")
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Correct those lines and run `till central publish --users FILE` again; nothing was published.",
                      zh: "请改正这些行后重新运行 `till central publish --users 文件`；本次未发布任何内容。")
    }
}
