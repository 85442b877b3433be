import TillCore

extension ScreenState {
    /// The events of asking first, parking, removing tenders and searching.
    mutating func absorbSaleFlow(_ event: RegisterEvent) {
        switch event {
        case .confirmationNeeded:
            message = nil  // the question itself is drawn from the core's state
        case .confirmationDismissed:
            message = .info(ScreenText.nothingChanged)
        case .quitAllowed:
            quitRequested = true
        case .saleParked(let reference, let lines, let total):
            message = .info(ScreenText.parked(reference, lines: lines, total: total, recallKey: keymap.keyName(.recall)))
        case .saleRecalled(let reference):
            recallOpen = false
            message = .info(ScreenText.recalled(reference))
        case .parkedSalesListed(let list):
            guard recallOpen else { return }
            listChoice = min(listChoice, max(0, list.count - 1))
            if list.isEmpty {
                recallOpen = false
                message = .info(ScreenText.nothingParked)
            }
        case .tenderRemoved(let tender, let due):
            message = .info(ScreenText.tenderRemoved(tender, due: due))
        case .itemsFound:
            listChoice = 0
            message = nil
        case .searchClosed:
            message = nil
        default:
            break
        }
    }
}
