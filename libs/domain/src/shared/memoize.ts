/**
 * A pure function of a string, remembered: for values that repeat across many suggestions (due times
 * fall on a few hundred days, keys repeat per unit), where recomputing them is a visible part of the
 * fold that rebuilding the read model runs over every stream. Bounded: it forgets everything once it holds `capacity` results.
 */
export function memoize<R>(compute: (key: string) => R, capacity = 4096): (key: string) => R {
  const remembered = new Map<string, { result: R }>();
  return (key) => {
    const hit = remembered.get(key);
    if (hit) return hit.result;
    const result = compute(key);
    if (remembered.size >= capacity) remembered.clear();
    remembered.set(key, { result });
    return result;
  };
}
