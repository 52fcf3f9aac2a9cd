/**
 * Why `requested` cannot become the order of the categories `current`: it must name every category exactly once
 * and nothing else. Empty when it can. A partial list is refused rather than guessed at, so two staff screens
 * reordering at once cannot silently drop each other's categories to the end.
 */
export function categoryOrderProblems(current: readonly string[], requested: readonly string[]): string[] {
  const known = new Set(current.map((id) => id.toLowerCase()));
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  const unknown: string[] = [];
  for (const raw of requested) {
    const id = raw.toLowerCase();
    if (seen.has(id)) duplicates.add(id);
    seen.add(id);
    if (!known.has(id)) unknown.push(id);
  }
  const missing = [...known].filter((id) => !seen.has(id));
  const problems: string[] = [];
  if (unknown.length > 0) problems.push(`ids name no category: ${unknown.join(', ')}`);
  if (duplicates.size > 0) problems.push(`ids are listed more than once: ${[...duplicates].join(', ')}`);
  if (missing.length > 0) problems.push(`ids must list every category; missing: ${missing.join(', ')}`);
  return problems;
}
