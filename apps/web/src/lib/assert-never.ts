// The same guard as @duban/domain's assertNever; the web bundle must not pull in the domain's runtime code.
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
