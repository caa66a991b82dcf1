/**
 * The one source of time for everything the service decides. Injected by this abstract class,
 * so a test can swap the system clock for a manual one and cross deadlines on purpose.
 */
export abstract class Clock {
  abstract readonly mode: 'system' | 'manual';
  abstract now(): Date;

  nowIso(): string {
    return this.now().toISOString();
  }
}

export class SystemClock extends Clock {
  readonly mode = 'system' as const;

  now(): Date {
    return new Date();
  }
}

/**
 * Stands still at the instant it was last set (initially its creation), so tests see the same
 * "now" in every event of a step and deadlines flip only when a test moves the clock.
 */
export class ManualClock extends Clock {
  readonly mode = 'manual' as const;
  private current: Date;

  constructor(start: Date = new Date()) {
    super();
    this.current = new Date(start.getTime());
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
}
