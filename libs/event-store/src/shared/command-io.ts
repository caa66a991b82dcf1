/** What a CLI command writes to and listens to; tests pass streams they can read back. */
export interface CommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  signal?: AbortSignal;
  cwd?: string;
  /** Environment the command reads its configuration from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Usage problems, reported with the usage text and exit code 2. */
export class CommandUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandUsageError';
  }
}
