/// The distinct fact and event views of a briefing's usages, numbered in the order the
/// usages are written (by entity id), so that a digest holds each view once however many
/// entities it names.
struct SharedViews {
    private(set) var facts: [FactView] = []
    private(set) var events: [EventView] = []
    /// Numbers by view id. Views with one id are equal, as one briefing makes one view per
    /// fact or event; the comparison only guards the cache against a briefing that did not.
    private var factNumbers: [String: [Int]] = [:]
    private var eventNumbers: [String: [Int]] = [:]

    init(_ usages: [String: EntityUsage]) {
        for (_, usage) in usages.sorted(by: { $0.key < $1.key }) {
            for fact in usage.facts where number(of: fact) == nil {
                factNumbers[fact.id, default: []].append(facts.count)
                facts.append(fact)
            }
            for event in usage.events where number(of: event) == nil {
                eventNumbers[event.id, default: []].append(events.count)
                events.append(event)
            }
        }
    }

    /// The number of `fact`, or nil before it is added.
    func number(of fact: FactView) -> Int? {
        factNumbers[fact.id]?.first { facts[$0] == fact }
    }

    /// The number of `event`, or nil before it is added.
    func number(of event: EventView) -> Int? {
        eventNumbers[event.id]?.first { events[$0] == event }
    }
}
