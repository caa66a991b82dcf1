// Groups suggestions whose titles share much of their wording, so staff can see likely duplicates
// (the same road, the same school) side by side before assigning them.

function bigrams(text: string): Set<string> {
  const clean = text.replace(/[\s\p{P}]/gu, '').replace(/^关于|的建议$/g, '');
  const result = new Set<string>();
  for (let i = 0; i < clean.length - 1; i += 1) result.add(clean.slice(i, i + 2));
  return result;
}

export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** Groups of two or more items whose titles are at least `threshold` similar (transitively). */
export function groupSimilar<T extends { id: string; title: string }>(items: T[], threshold = 0.3): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      if (similarity(items[i].title, items[j].title) >= threshold) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
