/// A cash count as a person types it, at the screen's count prompt and in `till exec`: a total
/// ("250.00"), or pieces per denomination ("100x3 50x1 0.5x4"; `x`, `X`, `*` or `×`, words
/// separated by spaces or commas). A denomination given twice adds up.
public enum CashCountText {
    public struct Problem: Error, Hashable, Sendable {
        public var message: LocalizedText
    }

    public static func parse(_ text: String, currency: Currency) -> Result<CashCount, Problem> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        guard !words.isEmpty else {
            return .failure(Problem(message: LocalizedText(en: "The count is empty.", zh: "清点内容为空。")))
        }
        let separators: Set<Character> = ["x", "X", "*", "×"]
        if words.count == 1, !words[0].contains(where: separators.contains) {
            switch DecimalText.check(words[0], scale: currency.minorDigits) {
            case .success(let minor): return .success(.total(Money(minor: minor, currency: currency)))
            case .failure(let problem):
                return .failure(Problem(message: LocalizedText(en: "\"\(words[0])\" is not an amount: \(problem.message.en).",
                                                               zh: "“\(words[0])” 不是金额：\(problem.message.zh)。")))
            }
        }
        var pieces: [Int64: Int64] = [:]
        for word in words {
            let parts = word.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: separators.contains).map(String.init)
            guard parts.count == 2 else { return .failure(pieceProblem(word)) }
            guard case .success(let value) = DecimalText.check(parts[0], scale: currency.minorDigits),
                  case .success(let count) = DecimalText.check(parts[1], scale: 0) else {
                return .failure(pieceProblem(word))
            }
            let (sum, overflow) = pieces[value, default: 0].addingReportingOverflow(count)
            guard !overflow else { return .failure(pieceProblem(word)) }
            pieces[value] = sum
        }
        return .success(.denominations(pieces, currency))
    }

    private static func pieceProblem(_ word: String) -> Problem {
        Problem(message: LocalizedText(en: "\"\(word)\" is not a count of pieces: write the note or coin, x, and how many (100x3).",
                                       zh: "“\(word)” 不是张数：请写面额、x 和张数（如 100x3）。"))
    }
}

extension CashCount {
    /// The screen's count, one line per denomination: pieces typed after pieces set those
    /// denominations' numbers (typing "100x2" again corrects the hundreds) and keep the rest; a
    /// total, or pieces after a total, starts over.
    public func merged(into earlier: CashCount?) -> CashCount {
        guard case .denominations(let new, let currency) = self,
              case .denominations(var pieces, let earlierCurrency)? = earlier, earlierCurrency == currency else { return self }
        for (value, count) in new { pieces[value] = count }
        return .denominations(pieces, currency)
    }
}
