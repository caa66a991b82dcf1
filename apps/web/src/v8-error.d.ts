// The web type-checks the domain files it imports types from (through tsconfig paths) without Node's
// typings; the domain's allowedActions sets V8's Error.stackTraceLimit, which browsers have too.
interface ErrorConstructor {
  stackTraceLimit: number;
}
