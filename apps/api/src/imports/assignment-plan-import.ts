import { Inject, Injectable } from '@nestjs/common';
import { suggestionStreamId } from '@duban/domain';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import type { ReadModelQueries } from '@duban/read-models';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { BatchCommands, BatchItem } from '../suggestions/batch/batch-commands';
import { assignCommand } from '../suggestions/batch/batch.dto';
import { AssignmentRow, checkAssignmentRow, UnitIndex } from './assignment-rows';
import type { ImportReport, RowError } from './import-report';
import { ImportSessions } from './import-sessions';
import { readSheet } from './read-sheet';
import type { SheetImportRequest } from './sheet-import-request';
import { ASSIGNMENT_COLUMNS } from './sheet-columns';
import { IMPORT_MAX_ROWS } from './suggestion-import';

export type PlanRequest = SheetImportRequest;

/**
 * 交办方案 upload: the plan a 交办会 decided, one row per numbered suggestion of the session, run
 * through the batch assignment (each row its own 交办 command, its own outcome). A suggestion
 * already assigned exactly as its row says is skipped, so the same plan uploaded twice changes
 * nothing the second time.
 */
@Injectable()
export class AssignmentPlanImport {
  constructor(
    private readonly batch: BatchCommands,
    private readonly sessions: ImportSessions,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async run(request: PlanRequest): Promise<ImportReport> {
    const { progress } = request;
    const sheetRows = await readSheet(request.buffer, ASSIGNMENT_COLUMNS, IMPORT_MAX_ROWS);
    progress.phase = 'checking';
    progress.total = sheetRows.length;
    const units = new UnitIndex(this.queries.listUnits());
    const errors: RowError[] = [];
    const checked: AssignmentRow[] = [];
    const rowOfNumber = new Map<number, number>();
    for (const sheetRow of sheetRows) {
      const result = checkAssignmentRow(sheetRow, units);
      progress.done += 1;
      if (Array.isArray(result)) errors.push(...result);
      else if (rowOfNumber.has(result.number)) {
        errors.push({ row: result.row, column: '编号', message: `第 ${result.number} 号已在第 ${rowOfNumber.get(result.number)} 行出现，同一件建议只能交办一次` });
      } else {
        rowOfNumber.set(result.number, result.row);
        checked.push(result);
      }
    }
    const ids = await this.sessions.suggestionIdsByNumber(request.sessionId, checked.map((r) => r.number), request.actor);
    const planned: { row: AssignmentRow; id: string }[] = [];
    for (const row of checked) {
      const id = ids.get(row.number);
      if (id === undefined) errors.push({ row: row.row, column: '编号', message: `本会次没有第 ${row.number} 号建议（只有立案后的建议才有编号）` });
      else planned.push({ row, id });
    }

    progress.phase = 'writing';
    progress.done = 0;
    // Already assigned exactly so: skipped, not refused, so a plan can be uploaded again after corrections.
    const todo: { row: AssignmentRow; id: string }[] = [];
    for (const item of planned) {
      if (await this.alreadyAssignedAs(item.id, item.row)) progress.skipped += 1;
      else todo.push(item);
    }
    let position: string | null = null;
    if (request.dryRun) {
      progress.created = todo.length;
    } else {
      const items: BatchItem[] = todo.map(({ row, id }) => ({ id, command: assignCommand(row) }));
      const { results, position: latest } = await this.batch.run(items, request.actor, request.options);
      position = latest;
      results.forEach((result, index) => {
        if (result.status === 200) progress.created += 1;
        else errors.push({ row: todo[index]!.row.row, message: result.message ?? '交办失败' });
      });
    }
    progress.done = planned.length;
    progress.refused = new Set(errors.map((e) => e.row)).size;
    errors.sort((a, b) => a.row - b.row);
    return { created: progress.created, skipped: progress.skipped, errors, rows: sheetRows.length, dryRun: request.dryRun, position };
  }

  /** The suggestion's current assignment is this row's plan (same mode, units and lead). */
  private async alreadyAssignedAs(id: string, row: AssignmentRow): Promise<boolean> {
    const events = await this.store.readStream(suggestionStreamId(id));
    const last = [...events].reverse().find((e) => e.type === 'SuggestionAssigned' || e.type === 'SuggestionReassigned' || e.type === 'ReturnApproved');
    if (!last || last.type === 'ReturnApproved') return false;
    const data = last.data as { mode: string; units: { unitId: string; role: string }[] };
    const unitIds = data.units.map((u) => u.unitId).sort();
    const lead = data.units.find((u) => u.role === 'lead')?.unitId;
    return data.mode === row.mode && unitIds.join(',') === [...row.unitIds].sort().join(',') && lead === row.leadUnitId;
  }
}
