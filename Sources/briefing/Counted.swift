/// "1 fact", "3 facts", "1 entity", "2 entities": counts as a person writes them.
func counted(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
}
