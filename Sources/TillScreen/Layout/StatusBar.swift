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
        let prefix = " \(ScreenText.till.text(lang)) \(state.config.till) │ "
        let clocks = clockTexts(status.now, offset: state.config.utcOffsetSeconds)
        func width(_ segments: [ScreenSegment]) -> Int { segments.reduce(0) { $0 + DisplayWidth.of($1.text) } }
        // A real customer display: named when there is room; when it is away, the alarm takes
        // the keyboard scanner's place if it must.
        if let online = status.displayOnline {
            let shown = [ScreenSegment("│ ", bar), ScreenSegment((online ? ScreenText.displayOnline : ScreenText.displayOffline).text(lang) + " ",
                                                                 online ? bar : .bold)]
            let fits = width(after + shown) + DisplayWidth.of(prefix) + 5 + DisplayWidth.of(clocks.short) <= cols
            if fits { after += shown } else if !online { after[after.count - 1] = ScreenSegment(" ", bar); after += shown }
        }
        // The clerk's role, then the date, then the name give way: time, shift and device
        // states must always show.
        let fixed = width(after) + DisplayWidth.of(prefix) + 1
        var forms = [ScreenText.notSignedIn.text(lang)]
        if let user = state.user {
            forms = ["\(user.name) (\(user.code), \(user.role.label.text(lang)))", "\(user.name) (\(user.code))", user.name]
        }
        let candidates = [(forms[0], clocks.long)] + forms.dropFirst().map { ($0, clocks.long) } + forms.map { ($0, clocks.short) }
        let (who, clock) = candidates.first { DisplayWidth.of($0.0) + DisplayWidth.of($0.1) <= cols - fixed }
            ?? (DisplayWidth.truncate(forms.last!, to: max(4, cols - fixed - DisplayWidth.of(clocks.short))), clocks.short)
        let left = [ScreenSegment(prefix + who, bar)] + after
        let used = left.reduce(0) { $0 + DisplayWidth.of($1.text) }
        let gap = max(1, cols - used - DisplayWidth.of(clock))
        return ScreenRow(left + [ScreenSegment(String(repeating: " ", count: gap) + clock, bar)])
    }

    /// "2026-11-23 14:05:09 " and "14:05:09 ".
    static func clockTexts(_ now: Timestamp, offset: Int64) -> (long: String, short: String) {
        let full = now.localText(utcOffsetSeconds: offset)
        var local = (now.seconds + offset) % 60
        if local < 0 { local += 60 }
        let seconds = local < 10 ? "0\(local)" : "\(local)"
        return (full + ":" + seconds + " ", String(full.suffix(5)) + ":" + seconds + " ")
    }
}
