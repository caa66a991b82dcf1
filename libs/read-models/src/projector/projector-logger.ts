/** The slice of a logger the projector needs; Nest's Logger and pino-style wrappers both fit. */
export interface ProjectorLogger {
  log(message: string): void;
  error(message: string, trace?: string): void;
}

/** Routine messages are dropped; a projector that stops always says why on stderr. */
export const SILENT_LOGGER: ProjectorLogger = {
  log: () => undefined,
  error: (message, trace) => console.error(message, trace ?? ''),
};
