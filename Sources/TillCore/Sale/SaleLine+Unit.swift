extension SaleLine {
    /// The quantity as the screen and the slip show it: "2" for pieces, "0.350 kg" for an item
    /// sold by weight (all three decimals, so a weight never looks like a count).
    public var quantityText: String { Self.quantityText(quantity, weighed: weighed) }

    public static func quantityText(_ quantity: Quantity, weighed: Bool) -> String {
        weighed ? DecimalText.format(quantity.thousandths, scale: 3) + " kg" : quantity.description
    }
}
