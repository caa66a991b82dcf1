import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadata = ReturnType<MetadataStorage['getTargetValidationMetadatas']>[number];

type Grouped = Record<string, ValidationMetadata[]>;

const cached = new WeakSet<MetadataStorage>();

/**
 * class-validator works a DTO's rules out again on every validation: it filters the class's rules,
 * tests the class against every DTO class ever decorated (`instanceof`, for inherited rules), then
 * groups the result by property. For a two-field body that is more work than the checks
 * themselves, and the largest share of a small command's garbage. The rules are fixed once the
 * DTO classes are defined (their decorators run then), so each answer is kept and handed out
 * again; registering a rule later (a class loaded late, a validation schema) drops what was kept.
 * Callers only read the arrays (class-validator's executor does), so sharing them is safe.
 * Asking by validation groups, which the api does not use, is answered as before.
 */
export function cacheValidationMetadata(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const byTarget = new Map<Function | string, Map<string, ValidationMetadata[]>>();
  let groupedOf = new WeakMap<ValidationMetadata[], Grouped>();
  const forget = (): void => {
    byTarget.clear();
    groupedOf = new WeakMap();
  };

  const targetMetadatas = storage.getTargetValidationMetadatas.bind(storage);
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    if (groups !== undefined && groups.length > 0) return targetMetadatas(targetConstructor, targetSchema, always, strictGroups, groups);
    const key = `${String(targetSchema)}|${always}|${strictGroups}`;
    let forTarget = byTarget.get(targetConstructor);
    if (!forTarget) byTarget.set(targetConstructor, (forTarget = new Map()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = targetMetadatas(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };

  const groupByPropertyName = storage.groupByPropertyName.bind(storage);
  storage.groupByPropertyName = (metadata) => {
    let grouped = groupedOf.get(metadata);
    if (!grouped) groupedOf.set(metadata, (grouped = groupByPropertyName(metadata)));
    return grouped;
  };

  for (const name of ['addValidationMetadata', 'addConstraintMetadata', 'addValidationSchema'] as const) {
    const add = storage[name].bind(storage) as (arg: never) => void;
    (storage as unknown as Record<string, (arg: never) => void>)[name] = (arg: never): void => {
      add(arg);
      forget();
    };
  }
}
