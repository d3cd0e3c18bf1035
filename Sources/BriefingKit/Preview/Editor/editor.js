// The page editor of briefing serve --edit.
