import TillEscPos

extension PrintEngine {
    /// Watches raw bytes for DLE EOT n, DLE ENQ n and DLE DC4 1 m t, which a printer executes
    /// as they arrive, ahead of its buffer and while offline.
    mutating func scanRealtime(_ b: UInt8) {
        recentBytes.append(b)
        if recentBytes.count > 5 { recentBytes.removeFirst(recentBytes.count - 5) }
        let r = recentBytes
        let k = r.count
        if k >= 3, r[k - 3] == 0x10 {
            if r[k - 2] == 0x04, (1...4).contains(b) {
                if profile.status.dleEot, let v = condition.realtimeStatus(Int(b)) { reply([v]) }
                recentBytes.removeAll()
                return
            }
            if r[k - 2] == 0x05, b == 1 || b == 2 {
                // Recover from a recoverable error (the cutter jam); 2 also clears the buffers.
                if condition.cutterError {
                    changeCondition { $0.cutterError = false }
                }
                recentBytes.removeAll()
                return
            }
        }
        if k >= 5, r[k - 5] == 0x10, r[k - 4] == 0x14, r[k - 3] == 1, r[k - 2] <= 1, (1...8).contains(b) {
            kickDrawer(pin: r[k - 2] == 1 ? 5 : 2, onMs: Int(b) * 100, offMs: Int(b) * 100)
            recentBytes.removeAll()
        }
    }

    /// Applies a change to the printer's condition, then sends automatic status back if it
    /// is enabled and something it watches changed; notes data lost while offline when the
    /// printer comes back.
    mutating func changeCondition(_ change: (inout PrinterCondition) -> Void) {
        let wasOnline = condition.online
        change(&condition)
        if wasOnline && !condition.online {
            offlineReason = condition.paperOut ? "paper out" : condition.coverOpen ? "cover open"
                : condition.cutterError ? "cutter error" : "offline"
        }
        if !wasOnline && condition.online && lostBytesWhileOffline > 0 {
            current.items.append(.note("\(lostBytesWhileOffline) bytes lost while the printer was offline (\(offlineReason))"))
            diagnose("\(lostBytesWhileOffline) bytes not printed: printer was offline (\(offlineReason))", at: streamOffset)
            lostBytesWhileOffline = 0
            pageLostData = true
        }
        sendASBIfChanged()
    }

    mutating func sendASBIfChanged() {
        guard asbMask != 0, profile.status.gsA else { return }
        let key = condition.asbKey(mask: asbMask)
        if key != lastASBKey {
            lastASBKey = key
            reply(condition.automaticStatusBack)
        }
    }

    mutating func enableASB(_ mask: UInt8) {
        asbMask = mask & 0x0F
        guard asbMask != 0, profile.status.gsA else { lastASBKey = []; return }
        // Enabling sends the current status at once, as Epson printers do.
        lastASBKey = condition.asbKey(mask: asbMask)
        reply(condition.automaticStatusBack)
    }

    mutating func kickDrawer(pin: Int, onMs: Int, offMs: Int) {
        current.items.append(.drawerKick(pin: pin, onMs: onMs, offMs: offMs))
        if !profile.drawer.pins.isEmpty && !profile.drawer.pins.contains(pin) {
            diagnose("drawer kick on pin \(pin), which this printer model does not wire", at: streamOffset)
        }
        // The drawer springs open: its switch (pin 3) changes.
        if !condition.drawerPin3High { changeCondition { $0.drawerPin3High = true } }
    }

    /// Injects a fault now. Replies it causes (automatic status back) go to the outbox.
    mutating func inject(_ fault: Fault) {
        switch fault {
        case .paperNearEnd: changeCondition { $0.paperNearEnd = true }
        case .paperNearEndClear: changeCondition { $0.paperNearEnd = false }
        case .paperOut:
            paperOutAtDots = nil
            goPaperOut()
        case let .paperOutAfter(mm):
            // Bounded here too: a Fault built in code need not have come through the parser.
            let dots = mm.isFinite ? (min(max(mm, 0), Fault.longestRollMM) * dotsPerMM).rounded() : 0
            let (limit, overflow) = fedDots.addingReportingOverflow(Int(dots))
            paperOutAtDots = overflow ? Int.max : limit
            if mm == 0 { goPaperOut() }
        case .paperLoad:
            paperOutAtDots = nil
            changeCondition { $0.paperOut = false; $0.paperNearEnd = false }
        case .coverOpen: changeCondition { $0.coverOpen = true }
        case .coverClose: changeCondition { $0.coverOpen = false }
        case .offline: changeCondition { $0.manualOffline = true }
        case .online: changeCondition { $0.manualOffline = false }
        case .cutterError: cutterJamPending = true
        case .cutterClear:
            cutterJamPending = false
            changeCondition { $0.cutterError = false }
        case let .disconnectAfter(n):
            disconnectRemaining = max(0, n)
            if n <= 0 { disconnectRequested = true; disconnectRemaining = nil }
        case let .baud(rate): baud = rate
        case let .garbage(on): garbage = on
        case .drawerOpen: changeCondition { $0.drawerPin3High = true }
        case .drawerClose: changeCondition { $0.drawerPin3High = false }
        }
    }

    mutating func goPaperOut() {
        paperOutAtDots = nil
        if !line.isEmpty {
            // What is in the line buffer never reaches the paper.
            line.removeAll()
            lineWidth = 0
        }
        current.items.append(.note("paper out"))
        changeCondition { $0.paperOut = true; $0.paperNearEnd = true }
    }

    /// Paper moved by `dots`: may run out of paper (`paper-out-after`).
    mutating func paperFed(_ dots: Int) {
        fedDots += max(0, dots)
        countPageDots(dots)
        if let limit = paperOutAtDots, fedDots >= limit {
            goPaperOut()
        }
    }

    /// GS r, GS I: answered only while the buffer is processed (online).
    mutating func answerTransmitStatus(_ n: Int, at offset: Int) {
        guard profile.status.gsR else { diagnose("GS r \(n): this printer model does not answer GS r", at: offset); return }
        if let v = condition.transmitStatus(n) { reply([v]) } else { diagnose("GS r \(n): unknown status type", at: offset) }
    }

    mutating func answerPrinterID(_ n: UInt8) {
        switch n {
        case 1, 49: reply([0x20])  // model ID (the TM-T88 family value)
        case 2, 50:
            var v: UInt8 = 0
            if !profile.multibyte.isEmpty { v |= 1 }
            if profile.hasCutter { v |= 2 }
            reply([v])
        case 3, 51: reply([0x10])  // ROM version
        case 65: reply([0x5F] + Array("1.00 virtual".utf8) + [0])
        case 66: reply([0x5F] + Array(profile.vendor.utf8) + [0])
        case 67:
            // A printer names its model without its maker ("TM-T88VI"), as GS I 66 gives that.
            let vendorFirst = profile.name.lowercased().hasPrefix(profile.vendor.lowercased() + " ")
            let model = vendorFirst ? String(profile.name.dropFirst(profile.vendor.count + 1)) : profile.name
            reply([0x5F] + Array(model.utf8) + [0])
        case 68: reply([0x5F] + Array("VIRTUAL-0001".utf8) + [0])
        default: break
        }
    }
}
