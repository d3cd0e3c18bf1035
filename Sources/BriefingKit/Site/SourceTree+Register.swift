extension SourceTree {
    /// The register of entities, empty when the site has none; its problems stop a build.
    public func entityRegister() throws(BuildFailure) -> EntityRegister {
        guard let register else { return EntityRegister() }
        let (loaded, diagnostics) = EntityRegisterLoader().load(register)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw BuildFailure(errors) }
        return loaded
    }
}
