import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, SuggestionCommand, suggestionStreamId } from '@duban/domain';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import type { ReadModelQueries } from '@duban/read-models';
import { toErrorResponse } from '../http/error-response';
import { latestPosition } from '../suggestions/batch/batch-result';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { DeputyIndex } from './deputy-index';
import { importedSuggestionId } from './import-id';
import type { ImportReport, RowError } from './import-report';
import { readSheet } from './read-sheet';
import type { SheetImportRequest } from './sheet-import-request';
import { SUGGESTION_COLUMNS } from './sheet-columns';
import { checkSuggestionRow, DelegationLookup, SuggestionRow } from './suggestion-rows';

/** Rows one upload may hold: a national congress session gets 8,000–9,500 suggestions. */
export const IMPORT_MAX_ROWS = 20_000;
/** Submissions in flight at once: the store's group commit then writes many per transaction. */
const WRITE_CONCURRENCY = 64;

export interface ImportRequest extends SheetImportRequest {
  delegations: DelegationLookup | null;
}

/**
 * 代表建议 Excel 导入: every row is checked first (the submit route's limits, deputies by login name
 * or name); a refused row writes nothing and is reported with its row and column. Each accepted
 * row is one SubmitSuggestion, registered by the staff member on the lead deputy's behalf, run
 * through the same command pipeline as a deputy's own submission, under an id derived from the
 * row's content (see importedSuggestionId): a row imported before finds its stream and is skipped.
 */
@Injectable()
export class SuggestionImport {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(request: ImportRequest): Promise<ImportReport> {
    const { progress } = request;
    const sheetRows = await readSheet(request.buffer, SUGGESTION_COLUMNS, IMPORT_MAX_ROWS);
    progress.phase = 'checking';
    progress.total = sheetRows.length;
    const deputies = new DeputyIndex(this.deputies());
    const errors: RowError[] = [];
    const accepted: { row: SuggestionRow; id: string }[] = [];
    const firstRowOf = new Map<string, number>();
    for (const sheetRow of sheetRows) {
      const checked = checkSuggestionRow(sheetRow, deputies, request.delegations);
      progress.done += 1;
      if (Array.isArray(checked)) {
        errors.push(...checked);
        continue;
      }
      const id = importedSuggestionId(request.sessionId, checked);
      const first = firstRowOf.get(id);
      if (first !== undefined) {
        errors.push({ row: checked.row, message: `与第 ${first} 行的建议完全相同，不重复导入` });
        continue;
      }
      firstRowOf.set(id, checked.row);
      accepted.push({ row: checked, id });
    }
    progress.refused = new Set(errors.map((e) => e.row)).size;

    progress.phase = 'writing';
    progress.done = 0;
    const positions: { position: string }[] = [];
    const write = request.dryRun ? (item: { row: SuggestionRow; id: string }) => this.wouldWrite(item.id) : (item: { row: SuggestionRow; id: string }) => this.write(item, request);
    await inParallel(accepted, WRITE_CONCURRENCY, async (item) => {
      const outcome = await write(item);
      if (outcome === 'skipped') progress.skipped += 1;
      else if (outcome === 'created' || 'position' in outcome) {
        progress.created += 1;
        if (outcome !== 'created') positions.push(outcome);
      } else {
        errors.push({ row: item.row.row, message: outcome.message });
        progress.refused += 1;
      }
      progress.done += 1;
    });
    errors.sort((a, b) => a.row - b.row);
    return { created: progress.created, skipped: progress.skipped, errors, rows: sheetRows.length, dryRun: request.dryRun, position: latestPosition(positions) };
  }

  private async write(item: { row: SuggestionRow; id: string }, request: ImportRequest): Promise<{ position: string } | 'skipped' | { message: string }> {
    const { row, id } = item;
    const command = {
      type: 'SubmitSuggestion',
      data: {
        suggestionId: id,
        title: row.title.trim(),
        content: row.content,
        coSignerIds: row.coSignerIds,
        ...(row.hideDeputyName ? { hideDeputyName: true } : {}),
        sessionId: request.sessionId,
        leadDeputyId: row.leadDeputyId,
        ...(row.delegationId !== undefined ? { delegationId: row.delegationId } : {}),
      },
    } satisfies SuggestionCommand;
    try {
      // Most rows are new: append without reading first. A row imported before makes that append
      // fail on the existing stream; the pipeline then reads it, and the decider says it exists.
      const outcome = await this.commandBus.execute(new RunSuggestionCommand(id, command, request.actor, { ...request.options, freshStream: true }));
      return { position: outcome.position };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'submit.already_exists') return 'skipped';
      return { message: toErrorResponse(error).body.message };
    }
  }

  /** Dry run: a row would be skipped when its suggestion exists already, created otherwise. */
  private async wouldWrite(id: string): Promise<'created' | 'skipped'> {
    const events = await this.store.readStream(suggestionStreamId(id), { maxCount: 1 });
    return events.length > 0 ? 'skipped' : 'created';
  }

  private deputies() {
    return this.queries.listUsers('deputy').map((u) => ({
      id: u.id,
      displayName: u.displayName,
      active: u.active,
      ...((u as { delegationId?: string }).delegationId !== undefined ? { delegationId: (u as { delegationId?: string }).delegationId! } : {}),
    }));
  }
}

/** Runs `work` on every item, `limit` at a time. */
export async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
