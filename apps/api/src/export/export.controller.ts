import { LEGACY_SESSION_ID, LEGACY_SESSION_NAME } from '@duban/domain';
import { Controller, Get, Inject, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { Actor } from '@duban/domain';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ApiOkContent } from '../http/openapi';
import { MAX_PAGE_SIZE, type ReadModelQueries, type SuggestionListFilter, type SuggestionListItem } from '@duban/read-models';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { PeriodQueryDto } from '../supervision/period/period.query.dto';
import { GetUnitStatsQuery } from '../supervision/queries/unit-stats.query';
import { totalOf } from '../supervision/stats/figures-total';
import type { UnitStats, UnitStatsReport } from '../supervision/stats/unit-stats-report';
import { LEGACY_SESSION_ROW } from '../sessions/session-catalogue';
import { periodCaption } from './period-caption';
import { ListSuggestionsQueryDto } from '../suggestions/dto/list-suggestions.query.dto';
import { ExportSlots } from './export-slots';
import { beijingTime, buildSheet, streamSheet, XLSX_TYPE, xlsxDisposition, xlsxFile } from './spreadsheet';
import { suggestionColumns } from './suggestion-columns';
import { unitStatsColumns } from './unit-stats-columns';

const ANSWERED_STATUSES: ReadonlySet<string> = new Set(['answered', 'rehandling', 'rated', 'closed', 'withdrawn']);

/** A sheet is cut here: beyond it, an export is a job for the read model's file, not a request. */
export const EXPORT_MAX_ROWS = 50_000;
/** One read-model page per turn of the event loop. */
const PAGE = MAX_PAGE_SIZE;

/** Spreadsheets of what the screens show, with the same filters and the same scoping. */
@ApiTags('export')
@ApiBearerAuth()
@Controller()
export class ExportController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly readAfter: ReadAfterService,
    private readonly slots: ExportSlots,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('stats/units.xlsx')
  @Roles('staff', 'supervisor', 'admin', 'unit')
  @ApiOperation({ summary: '导出各承办单位办理情况统计（Excel），期间同 /api/stats/units：表头上方写明统计期间与口径，末行为合计' })
  @ApiOkContent(XLSX_TYPE, 'Excel 工作簿', { type: 'string', format: 'binary' })
  @ApiErrors(400, 403, 429)
  async unitStatsSheet(@Query() query: PeriodQueryDto, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const period = query.period();
    // One row per unit (tens, not thousands): built whole, but it still takes a slot, as every export does.
    const release = this.slots.take();
    try {
      const report: UnitStatsReport = await this.queryBus.execute(new GetUnitStatsQuery(user, period, query.after));
      const total: UnitStats = { unitId: '', unitName: '合计', ...totalOf(report.units) };
      const buffer = await buildSheet('承办单位统计', unitStatsColumns(report.answerCategories), report.units, {
        caption: [
          periodCaption(period, this.sessionName(period.sessionId)),
          '统计口径：单位次（一件建议交办给两个单位计两次；因退回结束、未答复的交办不计）；比率后附分子、分母',
          `答复类别（按现行办理规则）：${report.answerCategories.map((c) => `${c.code}类 ${c.label}`).join('；')}`,
          `统计时间：${beijingTime(report.generatedAt)}`,
        ],
        total,
      });
      return xlsxFile(buffer, 'unit-stats', '承办单位办理情况统计');
    } finally {
      release();
    }
  }

  /** The session's name for the caption (undefined: not a session period, or not known). */
  private sessionName(sessionId: string | null): string | undefined {
    if (sessionId === null) return undefined;
    if (sessionId === LEGACY_SESSION_ROW.id) return LEGACY_SESSION_ROW.name;
    return this.queries.listSessions().find((session) => session.id === sessionId)?.name;
  }

  @Get('suggestions.xlsx')
  @ApiOperation({ summary: '导出建议列表（Excel），筛选条件同 /api/suggestions，导出全部页；同时进行的导出超过上限时返回 429' })
  @ApiOkContent(XLSX_TYPE, 'Excel 工作簿', { type: 'string', format: 'binary' })
  @ApiErrors(429)
  async suggestionsSheet(@Query() query: ListSuggestionsQueryDto, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const release = this.slots.take();
    try {
      await this.readAfter.waitFor(query.after);
      const names = {
        units: new Map(this.queries.listUnits().map((u) => [u.id, u.name])),
        people: new Map(this.queries.listUsers('deputy').map((u) => [u.id, u.displayName])),
        sessions: new Map([...this.queries.listSessions().map((s): [string, string] => [s.id, s.name]), [LEGACY_SESSION_ID, LEGACY_SESSION_NAME]]),
      };
      res.status(200).setHeader('Content-Type', XLSX_TYPE);
      res.setHeader('Content-Disposition', xlsxDisposition('suggestions', '建议列表'));
      const pages = this.suggestionPages(query.toFilter(), toActor(user), this.clock.nowIso(), res);
      await streamSheet(res, '建议列表', suggestionColumns(names, (s) => this.lettersOf(s)), pages);
    } catch (error) {
      // Before the first byte the filter answers as usual; after it only cutting the download short tells the client.
      if (!res.headersSent) throw error;
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    } finally {
      release();
    }
  }

  /**
   * Only suggestions that have been answered can carry letters: the others cost no read of their
   * stored state (a list row does not hold the answers).
   */
  private lettersOf(s: SuggestionListItem): { name: string; sha256: string }[] {
    if (!ANSWERED_STATUSES.has(s.status)) return [];
    const stored = this.queries.getSuggestion(s.id);
    if (!stored) return [];
    const assignments = [...('assignment' in stored && stored.assignment ? [stored.assignment] : []), ...stored.previousAssignments];
    return assignments.flatMap((a) => [...a.units, ...(a.transfers ?? []).map((t) => t.unit)].flatMap((u) => u.answers.flatMap((answer) => answer.letters ?? [])));
  }

  /** The list a page at a time, as the screen pages it; stops when the client has gone. */
  private async *suggestionPages(filter: SuggestionListFilter, viewer: Actor, now: string, res: Response): AsyncGenerator<SuggestionListItem[]> {
    let sent = 0;
    for (let page = 1; sent < EXPORT_MAX_ROWS && !res.destroyed; page++) {
      const { items } = this.queries.listSuggestions({ ...filter, page, pageSize: PAGE }, viewer, now);
      const rows = items.slice(0, EXPORT_MAX_ROWS - sent);
      sent += rows.length;
      yield rows;
      if (items.length < PAGE) return;
    }
  }
}
