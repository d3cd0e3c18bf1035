/// One occurrence of something that looks like a name, found by the rules for a single
/// sentence, with what its neighbours say about it.
struct NameCandidate: Sendable, Equatable {
    var paragraph: Int
    /// The name as written.
    var text: String
    var range: Range<Int>
    var evidence: EntityKindGuess.Evidence
    /// The acronym written in parentheses right after it: "(NATO)".
    var acronym: String?
    /// The name before it when the two stand in one list ("Germany and Austria",
    /// "Danas, Blic"): names listed together are most often of one kind.
    var listedAfter: String?
}

/// Finds candidate names: runs of capitalised words joined by single spaces and
/// connectors, cut at titles and possessives, without the words that open sentences,
/// the demonyms, the dates.
enum NameCandidates {
    static func candidates(in paragraphs: [[NameToken]], texts: [String], context: NameContext) -> [NameCandidate] {
        var found: [NameCandidate] = []
        for (index, tokens) in paragraphs.enumerated() where !context.headlines.contains(index) {
            let finder = RunFinder(tokens: tokens, text: texts[index], paragraph: index, context: context)
            found += joinedByAcronym(finder.candidates(), text: texts[index])
        }
        return found
    }

    /// "Ministry of Housing, Communities and Local Government (MHCLG)": a name written
    /// with commas is one name when the acronym after it spells the initials of them all.
    static func joinedByAcronym(_ candidates: [NameCandidate], text: String) -> [NameCandidate] {
        var result: [NameCandidate] = []
        for candidate in candidates {
            guard let acronym = candidate.acronym?.filter(\.isLetter), initials(of: candidate.text) != acronym else {
                result.append(candidate)
                continue
            }
            var joined = candidate
            var index = result.count - 1
            var next = candidate.range.lowerBound
            while index >= 0, result.count - index <= 4 {
                let previous = result[index]
                guard [", ", " and ", ", and "].contains(String(text.utf8Slice(previous.range.upperBound..<next))) else { break }
                let span = previous.range.lowerBound..<candidate.range.upperBound
                let spelled = String(text.utf8Slice(span))
                if initials(of: spelled) == acronym {
                    joined.range = span
                    joined.text = spelled
                    joined.evidence = previous.evidence
                    joined.listedAfter = previous.listedAfter
                    result.removeSubrange(index...)
                    break
                }
                next = previous.range.lowerBound
                index -= 1
            }
            result.append(joined)
        }
        return result
    }

    private static func initials(of name: String) -> String {
        String(name.split { $0 == " " || $0 == "," }.compactMap { word in word.first.flatMap { $0.isUppercase ? $0 : nil } })
    }

    private struct RunFinder {
        let tokens: [NameToken]
        let text: String
        let paragraph: Int
        let context: NameContext

        func candidates() -> [NameCandidate] {
            var found: [NameCandidate] = []
            var start = 0
            func add(_ candidate: NameCandidate) {
                var candidate = candidate
                if let previous = found.last, previous.range.upperBound <= candidate.range.lowerBound {
                    let between = text.utf8Slice(previous.range.upperBound..<candidate.range.lowerBound)
                    if Self.listSeparators.contains(String(between)) { candidate.listedAfter = previous.text }
                }
                found.append(candidate)
            }
            while start < tokens.count {
                guard tokens[start].shape == .capitalised else {
                    start += 1
                    continue
                }
                var end = start + 1
                while end < tokens.count, continues(at: end) { end += 1 }
                for segment in segments(of: Array(start..<end)) {
                    if let candidate = candidate(segment.words, afterTitle: segment.afterTitle) { add(candidate) }
                }
                start = end
            }
            return found
        }

        static let listSeparators: Set<String> = [", ", " and ", ", and ", " or ", ", or ", ", the ", " and the ", ", and the "]

        /// Whether the word at `index` belongs to the run of the word before it.
        private func continues(at index: Int) -> Bool {
            let token = tokens[index]
            let previous = tokens[index - 1]
            guard token.gapBefore == " ", !token.startsSentence, !previous.closesRun,
                  !NameWords.commonCapitals.contains(String(token.text)), !NameWords.commonCapitals.contains(String(previous.text))
            else { return false }
            if token.text == "and", index + 1 < tokens.count, tokens[index + 1].gapBefore == " " {
                return context.joinedByAnd.contains([String(previous.text), String(tokens[index + 1].text)])
            }
            if previous.text == "and", index >= 2 {
                return context.joinedByAnd.contains([String(tokens[index - 2].text), String(token.text)])
            }
            guard token.shape != .other else { return false }
            // "Russia’s Gazprom" is two names, "Martha’s Vineyard" one: the possessive
            // belongs to the name when its owner is never named alone.
            if previous.isPossessive {
                return token.shape == .capitalised && !isTitle(at: index)
                    && !context.standalone.contains(String(previous.text))
            }
            return true
        }

        private func isTitle(at index: Int) -> Bool {
            let word = String(tokens[index].text)
            if NameWords.titles.contains(word) { return true }
            return NameWords.titleModifiers.contains(word) && index + 1 < tokens.count
                && tokens[index + 1].gapBefore == " " && NameWords.titles.contains(String(tokens[index + 1].text))
        }

        /// A title is no part of a name, so the run is cut around it; the words after a
        /// title are a person's name. "General Assembly" is no title: a head noun follows.
        private func segments(of run: [Int]) -> [(words: [Int], afterTitle: Bool)] {
            var segments: [(words: [Int], afterTitle: Bool)] = []
            var current: [Int] = []
            var afterTitle = false
            var position = 0
            while position < run.count {
                let index = run[position]
                if isTitle(at: index) {
                    var titleEnd = position + 1
                    while titleEnd < run.count, NameWords.titles.contains(String(tokens[run[titleEnd]].text)) { titleEnd += 1 }
                    let next = titleEnd < run.count ? tokens[run[titleEnd]] : nil
                    if next.map({ EntityKindGuess.keywords[String($0.text)] == nil }) ?? true {
                        segments.append((current, afterTitle))
                        current = []
                        afterTitle = next.map { $0.shape == .capitalised || NameWords.lowerSurnameParticles.contains(String($0.text)) } ?? false
                        position = titleEnd
                        continue
                    }
                }
                current.append(index)
                position += 1
            }
            segments.append((current, afterTitle))
            return segments.filter { !$0.words.isEmpty }
        }

        private func candidate(_ segment: [Int], afterTitle: Bool) -> NameCandidate? {
            var words = segment[...]
            let particle = afterTitle && words.count > 1 && NameWords.lowerSurnameParticles.contains(String(tokens[segment[0]].text))
            if particle { words = words.dropFirst() }
            trimEdges(&words)
            // "Mr de Vries": a particle after a title opens the surname; it was set aside
            // only so that trimming, which drops connectors, would not see it.
            if particle, words.startIndex == 1 { words = segment[0..<words.endIndex] }
            guard let first = words.first, let last = words.last else { return nil }
            if isDemonym(last, alone: words.count == 1) {
                // "Central European", "Russian": adjectives, unless a single one stands as
                // a noun, "across the Mediterranean."
                guard words.count == 1, standsAsNoun(first) else { return nil }
            }
            while let lead = words.first, words.count > 1, isDemonym(lead, alone: false),
                  EntityKindGuess.keywordKind(phrase(words.dropFirst())) == nil {
                words = words.dropFirst()
                trimEdges(&words)
            }
            guard let first = words.first, let last = words.last else { return nil }
            if words.count == 1 {
                let word = String(tokens[first].text)
                if word.count < 2 || NameWords.nonNames.contains(word) || NameWords.commonCapitals.contains(word) || NameWords.titles.contains(word)
                    || NameWords.sentenceOpeners.contains(word) || NameWords.months.contains(word)
                    || NameWords.weekdays.contains(word) || NameWords.titleModifiers.contains(word)
                    || context.commonAcronyms.contains(word) {
                    return nil
                }
            }
            var evidence = evidenceAround(first: first, last: last)
            if afterTitle { evidence.person += 1 }
            var range = tokens[first].range.lowerBound..<tokens[last].range.upperBound
            if !NameWords.months.contains(String(tokens[last].text)), let number = designation(after: range.upperBound) {
                range = range.lowerBound..<number
            }
            return NameCandidate(paragraph: paragraph, text: String(text.utf8Slice(range)), range: range,
                                 evidence: evidence, acronym: words.count > 1 ? acronym(after: last) : nil)
        }

        /// Drops what cannot begin or end a name: a connector, a sentence's opening word
        /// whose capital only the sentence gives it, a date. An opening word stays when
        /// the text capitalises it elsewhere too, or when a capitalised word that could
        /// end a name follows it ("Jane Doe, an analyst, …").
        private func trimEdges(_ words: inout ArraySlice<Int>) {
            while let first = words.first {
                let token = tokens[first]
                let word = String(token.text)
                // A word opening a sentence on its own is a name only if the text names it
                // alone elsewhere: "Employers, represented by…" is not one for "Port
                // Employers Association" later.
                let capitalisedElsewhere = words.count == 1
                    ? context.aloneMidSentence.contains(word) || context.endsOfNames.contains(word)
                    : context.midSentence.contains(word)
                // Capitals past the first letter are the writer's, not the sentence's:
                // "Antwerp-Bruges", "TurkStream", "FNV".
                let capitalisedWithin = word.dropFirst().contains(where: \.isUppercase)
                let opensSentence = token.startsSentence
                    && (NameWords.sentenceOpeners.contains(word)
                        || (!capitalisedElsewhere && !capitalisedWithin && !beginsName(words)))
                guard token.shape == .connector || token.text == "and" || opensSentence || NameWords.weekdays.contains(word)
                    || (NameWords.months.contains(word) && words.count > 1)
                else { break }
                words = words.dropFirst()
            }
            while let last = words.last, tokens[last].shape == .connector || tokens[last].text == "and"
                    || NameWords.weekdays.contains(String(tokens[last].text)) {
                words = words.dropLast()
            }
        }

        /// Whether the second word could carry a name the first begins: capitalised, and
        /// no demonym, direction, title or date.
        private func beginsName(_ words: ArraySlice<Int>) -> Bool {
            guard words.count > 1 else { return false }
            let next = tokens[words[words.startIndex + 1]]
            let word = String(next.text)
            return next.shape == .capitalised && !NameWords.nonNames.contains(word) && !NameWords.titles.contains(word)
                && !NameWords.months.contains(word) && !NameWords.weekdays.contains(word)
                && !Demonyms.isDemonym(word, adjectives: context.adjectives, alone: true)
        }

        private func isDemonym(_ index: Int, alone: Bool) -> Bool {
            Demonyms.isDemonym(String(tokens[index].text), adjectives: context.adjectives, alone: alone)
        }

        /// "the Mediterranean." — after "the", and followed by no word it could describe.
        private func standsAsNoun(_ index: Int) -> Bool {
            guard index > 0, tokens[index - 1].text == "the", tokens[index - 1].gapBefore.last != "." else { return false }
            guard index + 1 < tokens.count else { return true }
            let next = tokens[index + 1]
            return next.gapBefore != " " || NameWords.nonAdjectivalFollowers.contains(String(next.text))
        }

        private func phrase(_ words: ArraySlice<Int>) -> String {
            guard let first = words.first, let last = words.last else { return "" }
            return String(text.utf8Slice(tokens[first].range.lowerBound..<tokens[last].range.upperBound))
        }

        private func evidenceAround(first: Int, last: Int) -> EntityKindGuess.Evidence {
            var evidence = EntityKindGuess.Evidence()
            let token = tokens[first]
            let previous = first > 0 ? String(tokens[first - 1].text) : nil
            if let previous, token.gapBefore == " " || token.gapBefore == ", " {
                if NameWords.personNouns.contains(previous.lowercased()) { evidence.person += 1 }
                if NameWords.outletNouns.contains(previous) { evidence.outlet += 1 }
            }
            if let previous, token.gapBefore == " " {
                let beforePrevious = first > 1 ? String(tokens[first - 2].text) : ""
                // "an analyst at Barclays", "the CEO of Heineken": someone's job is at a
                // firm, not a place.
                let isJobAt = ["at", "for", "of"].contains(previous) && NameWords.jobNouns.contains(beforePrevious.lowercased())
                // "shares in Halvorsen", "a stake in Orlen": what only a firm is held in.
                let isHeldIn = previous == "in" && NameWords.holdingNouns.contains(beforePrevious.lowercased())
                if isJobAt || isHeldIn { evidence.organisation += 1 }
                // "of" makes a place of a single word only: "the Bank of England" is none.
                if NameWords.placePrepositions.contains(previous), !(previous == "to" && beforePrevious == "according"), !isHeldIn,
                   previous != "of" || (first == last && !isJobAt) {
                    evidence.place += 1
                }
                if previous == "the", NameWords.placePrepositionsBeforeThe.contains(beforePrevious) { evidence.place += 1 }
            }
            if last + 1 < tokens.count {
                let next = tokens[last + 1]
                if next.gapBefore == " ", NameWords.speechVerbs.contains(String(next.text)) {
                    evidence.speech += 1
                }
                if next.gapBefore == " ", NameWords.firmNouns.contains(String(next.text)) {
                    evidence.organisation += 1
                }
                // "Barratt Redrow, the largest builder", "Angela Rayner, the housing
                // secretary": an apposition says what the name is. "… in Tampere, the
                // company said" is no apposition but who said it.
                if next.gapBefore == ", ", ["the", "a", "an", "its", "their"].contains(String(next.text)) {
                    for (offset, word) in tokens[(last + 2)...].prefix(3).enumerated() {
                        guard word.gapBefore == " ", word.shape != .capitalised else { break }
                        let text = String(word.text)
                        let isFirm = NameWords.firmKinds.contains(text), isPerson = NameWords.personNouns.contains(text)
                        guard isFirm || isPerson else { continue }
                        let after = last + 3 + offset
                        let reports = after < tokens.count && tokens[after].gapBefore == " " && NameWords.speechVerbs.contains(String(tokens[after].text))
                        if !reports {
                            if isFirm { evidence.organisation += 1 }
                            if isPerson { evidence.person += 1 }
                        }
                        break
                    }
                }
            }
            return evidence
        }

        /// "Resolution 120", "Nord Stream 2": a number written straight after a name is part
        /// of it. Returns where the number ends.
        private func designation(after end: Int) -> Int? {
            let bytes = Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: end)...].prefix(8))
            guard bytes.first == UInt8(ascii: " ") else { return nil }
            let digits = bytes.dropFirst().prefix(while: \.isASCIIDigit)
            guard (1...4).contains(digits.count) else { return nil }
            let after = bytes.dropFirst(1 + digits.count).first
            // "Resolution 120." ends a sentence; "Stream 2,000" or "Chen 2.5" is a figure.
            if let after, after != UInt8(ascii: " "), after != UInt8(ascii: "."), after != UInt8(ascii: ","),
               after != UInt8(ascii: ")"), after != UInt8(ascii: ";") { return nil }
            if after == UInt8(ascii: ",") || after == UInt8(ascii: "."),
               let next = bytes.dropFirst(2 + digits.count).first, next.isASCIIDigit { return nil }
            return end + 1 + digits.count
        }

        /// "North Atlantic Treaty Organization (NATO)": the acronym the writer gives.
        private func acronym(after last: Int) -> String? {
            guard last + 1 < tokens.count else { return nil }
            let next = tokens[last + 1]
            guard next.gapBefore == " (", EntityKindGuess.isAcronym(String(next.text)) else { return nil }
            let rest = text.utf8Slice(next.range.upperBound..<text.utf8.count)
            return rest.hasPrefix(")") ? String(next.text) : nil
        }
    }
}

extension String {
    /// The text between two UTF-8 offsets that fall on character boundaries.
    func utf8Slice(_ range: Range<Int>) -> Substring {
        let start = utf8.index(startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return self[start..<end]
    }
}
