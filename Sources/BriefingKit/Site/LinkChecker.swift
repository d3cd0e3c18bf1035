import Foundation

/// Finds links inside a planned site that lead nowhere: a missing page or file, or an
/// `#anchor` that no element on the target page carries.
public enum LinkChecker {
    public struct BrokenLink: Sendable, Equatable, CustomStringConvertible {
        public var page: String
        public var link: String
        public var reason: String
        public var description: String { "\(page): link \"\(link)\" \(reason)" }
    }

    public static func brokenLinks(in plan: SitePlan) -> [BrokenLink] {
        let pages = plan.paths.filter { $0.hasSuffix(".html") }
        var ids: [String: Set<String>] = [:]
        for path in pages {
            ids[path] = Set(html(plan, path).matches(of: /\sid="([^"]+)"/).map { String($0.output.1) })
        }
        var broken: [BrokenLink] = []
        for page in pages {
            for match in html(plan, page).matches(of: /\s(?:href|src)="([^"]*)"/) {
                let link = String(match.output.1)
                if let reason = problem(with: link, on: page, plan: plan, ids: ids) {
                    broken.append(BrokenLink(page: page, link: link, reason: reason))
                }
            }
        }
        return broken
    }

    private static func html(_ plan: SitePlan, _ path: String) -> String {
        String(decoding: plan.files[path] ?? Data(), as: UTF8.self)
    }

    private static func problem(with rawLink: String, on page: String, plan: SitePlan, ids: [String: Set<String>]) -> String? {
        let link = rawLink.replacingOccurrences(of: "&amp;", with: "&")
        if link.contains(":") || link.hasPrefix("//") { return nil }  // another site, mailto:, data:
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let pathPart = parts[0]
        let fragment = parts.count > 1 ? parts[1] : nil
        let target: String
        if pathPart.isEmpty {
            target = page
        } else if pathPart.hasPrefix("/") {
            return nil  // absolute paths depend on where the site is served; the 404 page uses them
        } else {
            guard let resolved = resolve(pathPart, from: page) else { return "climbs above the site's root" }
            let folderIndex = Route.file(at: resolved.isEmpty || resolved.hasSuffix("/") ? resolved : resolved + "/")
            if plan.files[resolved] != nil {
                target = resolved
            } else if plan.files[folderIndex] != nil {
                target = folderIndex
            } else {
                return "leads to a missing file (\(resolved.isEmpty ? "/" : resolved))"
            }
        }
        if let fragment, !fragment.isEmpty, let targetIDs = ids[target], !targetIDs.contains(fragment) {
            return "names an anchor that \(target) does not have"
        }
        return nil
    }

    /// Resolves a relative path against the folder of `page`; nil if it leaves the site.
    static func resolve(_ relative: String, from page: String) -> String? {
        var components = page.split(separator: "/").map(String.init).dropLast()
        let trailingSlash = relative.hasSuffix("/")
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        let joined = components.joined(separator: "/")
        return trailingSlash && !joined.isEmpty ? joined + "/" : joined
    }
}
