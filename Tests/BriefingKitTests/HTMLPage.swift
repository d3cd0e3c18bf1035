import CLibXML2
import Foundation
@testable import BriefingKit

/// A built page read by libxml2's HTML parser. Tests ask it what the page says, which ids
/// it has and where its links lead, by element names and the ids Briefing's routes give:
/// never by the class names a designer may change in `Templates/`.
struct HTMLPage {
    /// An element with its attributes and what it holds, in document order.
    final class Element {
        let name: String
        let attributes: [String: String]
        fileprivate(set) var children: [Node] = []

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        var id: String? { attributes["id"] }

        /// The text inside, with runs of white space as one space.
        var text: String {
            var parts: [String] = []
            collectText(into: &parts)
            return parts.joined().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }

        private func collectText(into parts: inout [String]) {
            for child in children {
                switch child {
                case let .text(text): parts.append(text)
                case let .element(element): element.collectText(into: &parts)
                }
            }
        }

        /// Every element inside, depth first.
        var descendants: [Element] {
            children.flatMap { child -> [Element] in
                guard case let .element(element) = child else { return [] }
                return [element] + element.descendants
            }
        }

        func all(_ name: String) -> [Element] { descendants.filter { $0.name == name } }

        /// The `href` of every link inside, in order.
        var links: [String] { all("a").compactMap { $0.attributes["href"] } }
    }

    enum Node {
        case element(Element)
        case text(String)
    }

    let root: Element

    init(_ data: Data) {
        root = Element(name: "#document", attributes: [:])
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, "UTF-8", options)
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        Self.copy(children: document.pointee.children, into: root)
    }

    init(_ html: String) { self.init(Data(html.utf8)) }

    private static func copy(children first: xmlNodePtr?, into parent: Element) {
        var node = first
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let element = Element(name: String(cString: current.pointee.name), attributes: attributes(of: current))
                copy(children: current.pointee.children, into: element)
                parent.children.append(.element(element))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = xmlNodeGetContent(current) {
                    parent.children.append(.text(String(cString: content)))
                    clibxml2_free(content)
                }
            default:
                break
            }
            node = current.pointee.next
        }
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            if let value = xmlGetProp(node, current.pointee.name) {
                attributes[name] = String(cString: value)
                clibxml2_free(value)
            } else {
                attributes[name] = ""
            }
            attribute = current.pointee.next
        }
        return attributes
    }

    var elements: [Element] { root.descendants }
    func all(_ name: String) -> [Element] { root.all(name) }
    func element(id: String) -> Element? { elements.first { $0.id == id } }
    var ids: [String] { elements.compactMap(\.id) }
    var text: String { root.text }
    var links: [String] { root.links }

    /// Where the link `href` on the page of `route` leads: the address from the site's
    /// root with its `#anchor`, as `PageLinks(from: .home)` writes it; nil when it leaves the site.
    static func target(of href: String, from route: Route) -> String? {
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        if parts[0].isEmpty { return route.address + fragment }
        return LinkChecker.resolve(parts[0], from: route.file).map { $0 + fragment }
    }

    /// Where each link on the page of `route` leads (see `target(of:from:)`).
    func linkTargets(from route: Route) -> [String] {
        links.compactMap { Self.target(of: $0, from: route) }
    }
}
