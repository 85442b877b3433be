extension RegisterState {
    /// Item search by name or SKU: where a code could be entered (a sale, a return without
    /// receipt), the catalog is asked; the matches become a pick list.
    mutating func requestSearch(_ raw: String, _ step: inout Step) {
        let query = raw.trimmingSpaces
        guard !query.isEmpty else { return step.refuse(.searchTextRequired) }
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        switch activity {
        case .idle, .selling:
            guard checkShift(&step) else { return }
            if case .selling(let draft) = activity, !draft.tenders.isEmpty { return step.refuse(.busy(current: .payment)) }
        case .blindReturn:
            break
        default:
            return step.refuse(.busy(current: activity.kind ?? .sale))
        }
        step.run(.searchItems(query: query))
    }

    mutating func itemsFound(_ query: String, _ items: [CatalogItem], _ step: inout Step) {
        // The rule applied again here: the core shows only what matches, however it was found.
        let results = ItemSearch.results(in: items, for: query)
        guard !results.isEmpty else {
            search = nil
            return step.refuse(.noItemsMatch(query: query))
        }
        let found = ItemSearch(query: query, results: results)
        search = found
        step.emit(.itemsFound(found))
    }

    /// Any action but the search itself, the pick from it and cancel (which closes it as its
    /// first step back) closes the pick list.
    mutating func closeSearchUnlessPicking(_ action: RegisterAction) {
        switch action {
        case .searchRequested, .itemsFound, .codeEntered, .cancelled, .slipPrinted, .slipFailed: break
        default: search = nil
        }
    }
}
