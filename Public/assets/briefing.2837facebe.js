// Briefing: previews of names, figures and cross-references, and site search.
