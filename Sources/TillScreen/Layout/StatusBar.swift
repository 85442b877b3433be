import TillCore
import TillRuntime

/// The top row, always there: till, clerk, shift, TRAINING, printer, scanner, clock.
enum StatusBar {
    static func row(_ state: RegisterState, _ ui: ScreenState, _ status: StatusInfo, _ cols: Int) -> ScreenRow {
        let lang = ui.language
        let bar: ScreenAttr = .reverse
        var after: [ScreenSegment] = []
        let shift = state.shift.map { "\(ScreenText.shift.text(lang)) \($0.number)" } ?? ScreenText.noShift.text(lang)
        after.append(ScreenSegment(" │ " + shift + " │ ", bar))
        if state.config.training {
            // Off the reversed bar, so it stands out.
            after.append(ScreenSegment(" " + ScreenText.training.text(lang) + " ", .bold))
            after.append(ScreenSegment(" │ ", bar))
        }
        if let printer = status.printer {
            let alarming = printer != .ready && printer != .paperLow
            after.append(ScreenSegment(printer.label.text(lang), alarming ? .bold : bar))
        } else {
            after.append(ScreenSegment(ScreenText.printerNoStatus.text(lang), bar))
        }
        after.append(ScreenSegment(" │ " + status.scanner.text(lang) + " ", bar))
        // The clerk's name gives way first: clock, shift and device states must always show.
        let prefix = " Till \(state.config.till) │ "
        let fixed = after.reduce(0) { $0 + DisplayWidth.of($1.text) } + DisplayWidth.of(prefix) + DisplayWidth.of("00:00:00 ") + 1
        var who = ScreenText.notSignedIn.text(lang)
        if let user = state.user {
            let forms = ["\(user.name) (\(user.code), \(user.role.label.text(lang)))", "\(user.name) (\(user.code))", user.name]
            who = forms.first { DisplayWidth.of($0) <= cols - fixed } ?? user.name
        }
        who = DisplayWidth.truncate(who, to: max(4, cols - fixed))
        let left = [ScreenSegment(prefix + who, bar)] + after
        let used = left.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let clock = clockText(status.now, offset: state.config.utcOffsetSeconds, room: cols - used)
        let gap = max(1, cols - used - DisplayWidth.of(clock))
        return ScreenRow(left + [ScreenSegment(String(repeating: " ", count: gap) + clock, bar)])
    }

    /// "2026-11-23 14:05:09 " when there is room, else "14:05:09 ".
    static func clockText(_ now: Timestamp, offset: Int64, room: Int) -> String {
        let full = now.localText(utcOffsetSeconds: offset)
        var local = (now.seconds + offset) % 60
        if local < 0 { local += 60 }
        let seconds = local < 10 ? "0\(local)" : "\(local)"
        let long = full + ":" + seconds + " "
        if DisplayWidth.of(long) + 1 <= room { return long }
        return String(full.suffix(5)) + ":" + seconds + " "
    }
}
