import TillCore
import TillEscPos

/// Which profile a printer is driven with, and why: the technician and the till say so.
public struct ProfileChoice: Sendable {
    public enum Reason: Sendable, Equatable {
        case given
        case usbID
        case identified(PrinterIdentity)
        /// Nothing named the model: the fallback profile, with what the printer did say.
        case fallback(PrinterIdentity?)
    }

    public let profile: PrinterProfile
    public let reason: Reason

    public init(profile: PrinterProfile, reason: Reason) {
        self.profile = profile
        self.reason = reason
    }

    /// One line: the profile and how it was chosen; for a fallback, the cause and the remedy.
    public var explanation: LocalizedText {
        switch reason {
        case .given: return LocalizedText(en: "profile \(profile.id) (as configured)", zh: "打印机配置 \(profile.id)（按配置）")
        case .usbID: return LocalizedText(en: "profile \(profile.id) (matched by USB id)", zh: "打印机配置 \(profile.id)（按 USB ID 匹配）")
        case .identified(let id):
            let said = [id.maker, id.model].compactMap { $0 }.joined(separator: " ")
            return LocalizedText(en: "profile \(profile.id) (the printer says it is \(said))", zh: "打印机配置 \(profile.id)（打印机自报型号：\(said)）")
        case .fallback(let id):
            let said = [id?.maker, id?.model].compactMap { $0 }.joined(separator: " ")
            let causeEn = said.isEmpty ? "the printer did not say which model it is (no answer to GS I)"
                : "the printer says it is \"\(said)\", which no profile in Devices/printers names"
            let causeZh = said.isEmpty ? "打印机未报告型号（GS I 无应答）" : "打印机自报型号 “\(said)”，Devices/printers 中没有对应的配置"
            return LocalizedText(
                en: "printer.profile = auto: \(causeEn); printing with \(profile.id). Choose the model from `till printer profiles` and set printer.profile (or --printer-profile), or add a profile for it (Devices/printers/README.md).",
                zh: "printer.profile = auto：\(causeZh)；暂用 \(profile.id) 打印。请从 `till printer profiles` 中选择型号并设置 printer.profile（或 --printer-profile），或为该型号添加配置（见 Devices/printers/README.md）。")
        }
    }

    /// "auto": asks the printer on `transport` (GS I) and takes the profile naming its model,
    /// else `fallback`. Never throws: a printer that is off gets the fallback and the reason.
    public static func identify(transport: PrinterTransport, library: ProfileLibrary, fallback: PrinterProfile,
                                timing: DriverTiming = DriverTiming()) -> ProfileChoice {
        if !transport.isOpen { try? transport.open() }
        guard transport.isOpen, transport.answersStatus,
              let id = try? IdentityQuery(transport: transport, timing: timing).run(), id.answeredAnything else {
            return ProfileChoice(profile: fallback, reason: .fallback(nil))
        }
        if let match = library.identify(maker: id.maker, model: id.model) {
            return ProfileChoice(profile: match.profile, reason: .identified(id))
        }
        return ProfileChoice(profile: fallback, reason: .fallback(id))
    }
}
