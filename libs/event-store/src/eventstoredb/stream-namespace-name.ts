// Apart from esdb-namespace.ts so that checking a setting does not load the EventStoreDB client.
const VALID_NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** 1–64 letters, digits, "_", "." or "-", starting with a letter or digit. */
export function isValidStreamNamespace(namespace: string): boolean {
  return VALID_NAMESPACE.test(namespace);
}
