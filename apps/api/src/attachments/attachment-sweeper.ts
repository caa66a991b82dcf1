import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '@duban/domain';
import { Clock } from '../clock/clock';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { AttachmentFiles } from './attachment-files';

/** How often the sweep looks for uploads past their grace period. */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepRun {
  /** Letters no answer used: recorded as AttachmentDiscarded. */
  discarded: number;
  /** Uploads whose event never reached the store. */
  unrecorded: number;
  /** Files removed from disk (a file shared with a kept attachment stays). */
  filesRemoved: number;
}

/**
 * Removes what was uploaded and never became part of the record: a letter no answer carried within
 * the grace period (recorded as AttachmentDiscarded by the system, so the record says where it
 * went), and a file whose upload event never got appended. Runs hourly and right after the test
 * clock moves; two replicas sweeping at once do the same thing once (the discard is decided on the
 * stream, file removal is idempotent).
 */
@Injectable()
export class AttachmentSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('attachments');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<SweepRun> | null = null;
  private readonly enabled: boolean;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly files: AttachmentFiles,
    private readonly commandBus: CommandBus,
  ) {
    // One switch with the deadline scheduler: an instance that does not schedule does not sweep either.
    this.enabled = config.scheduler?.enabled ?? true;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.timer = setInterval(() => void this.sweep().catch((e: unknown) => this.logger.warn(`sweep failed: ${String(e)}`)), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  sweep(): Promise<SweepRun> {
    this.running ??= this.sweepOnce().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepOnce(): Promise<SweepRun> {
    const run: SweepRun = { discarded: 0, unrecorded: 0, filesRemoved: 0 };
    const cutoff = new Date(Date.parse(this.clock.nowIso()) - this.files.settings.graceMs).toISOString();
    const correlationId = `attachment-sweep-${randomUUID()}`;
    for (const upload of await this.files.ledger.pending()) {
      if (Date.parse(upload.uploadedAt) > Date.parse(cutoff)) continue;
      const state = await this.files.stateOf(upload.suggestionId);
      const attachment = state?.attachments?.find((a) => a.attachmentId === upload.attachmentId);
      if (!attachment) {
        run.unrecorded++;
        if (await this.files.ledger.release(upload.attachmentId, upload.sha256)) run.filesRemoved++;
        continue;
      }
      if (attachment.kind !== 'letter' || attachment.answeredRound !== undefined) {
        await this.files.ledger.settle(upload.attachmentId);
        continue;
      }
      if (attachment.discardedAt === undefined) {
        await this.commandBus.execute(
          new RunSuggestionCommand(upload.suggestionId, { type: 'DiscardAttachment', data: { attachmentId: upload.attachmentId, uploadedBefore: cutoff } }, SYSTEM_ACTOR, {
            correlationId,
            causationId: correlationId,
          }),
        );
        run.discarded++;
      }
      if (await this.files.ledger.release(upload.attachmentId, attachment.sha256)) run.filesRemoved++;
    }
    if (run.discarded + run.unrecorded > 0) {
      this.logger.log(`swept uploads older than ${cutoff}: ${run.discarded} unused letter(s) discarded, ${run.unrecorded} unrecorded upload(s), ${run.filesRemoved} file(s) removed`);
    }
    return run;
  }
}
