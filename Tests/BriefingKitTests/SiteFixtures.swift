import Foundation
@testable import BriefingKit

/// Short essays of different kinds, written for the site-wide tests: news with a byline
/// and subtitle, finance with a model and no author, long-form with both.
enum SiteFixtures {
    static let news = """
    ---
    title: Port Strike Ends After Nine Days
    subtitle: Dockers accept a pay rise and cranes restart at dawn
    author: Mira Holt
    date: 2023-09-14
    ---

    The strike at the northern terminal ended on Thursday after nine days, when the union accepted a rise of 6 percent.

    Ships that had waited offshore began to berth within hours.

    """

    static let finance = """
    ---
    title: Bond Yields Climb as Inflation Lingers
    ---

    Ten-year yields rose to 4.2 percent on Friday, their highest since the spring.

    Traders now expect the central bank to hold rates through the summer.

    """

    static let financeModel = """
    briefing:
      summary: "Yields rose because traders stopped betting on early rate cuts."
      date: "2024-03-01"
      source: "Market Notes"

    """

    static let longForm = """
    ---
    title: The Last Ferry of Winter
    subtitle: A river town and the boat that ties it to the world
    author: Tomas Reyes
    date: 2021-03-01
    ---

    \(String(repeating: "The ferry crosses twice a day when the ice allows, and the town measures its winters by the days it does not. ", count: 60))

    """

    /// A source folder with the three essays, the finance one with its model.
    static func source(siteFile: String? = nil) throws -> URL {
        let root = try TestSupport.sourceFolder(seeds: [
            "news.md": Data(news.utf8), "finance.md": Data(finance.utf8), "finance.yml": Data(financeModel.utf8),
            "ferry.md": Data(longForm.utf8),
        ])
        if let siteFile {
            try Data(siteFile.utf8).write(to: root.appendingPathComponent("site.yml"))
        }
        return root
    }

    static func page(_ plan: SitePlan, _ path: String) -> String {
        String(decoding: plan.files[path] ?? Data(), as: UTF8.self)
    }
}
