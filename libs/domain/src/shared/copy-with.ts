/**
 * `{ ...object, ...changes }` for a change that may add a property the object does not have yet.
 * V8 (Node 20) gives every object made by a spread that then adds a property a hidden class of its
 * own, so folding many streams would leave thousands of shapes and every property read megamorphic;
 * Object.assign onto a fresh literal builds them along shared transitions, which keeps the fold fast.
 */
export function copyWith<T extends object, C extends object>(object: T, changes: C): With<T, C> {
  const copy: unknown = Object.assign({}, object, changes);
  return copy as With<T, C>;
}

/** T with C's properties, member by member of a union (a state stays a union of statuses). */
type With<T, C> = T extends unknown ? Omit<T, keyof C> & C : never;
