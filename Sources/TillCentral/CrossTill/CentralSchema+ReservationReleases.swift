extension CentralSchema {
    /// Who released a refund reservation that its refund did not (`till central reservations
    /// --release`, or the till at its start finding a refund its journal never kept), and when,
    /// so the row explains why goods held came free. Set with the signed move to "released"
    /// (the columns are outside the signed text: they say who, the MAC says it was the till's
    /// own key); NULL when the till released it in the course of the refund (Esc, no answer).
    static let reservationReleases = #"""
    ALTER TABLE central_refund_reservation ADD COLUMN released_by text, ADD COLUMN released_at timestamptz;

    """#
}
