import { Controller, Get, Inject, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { ReadModelQueries, SuggestionListItem } from '@duban/read-models';
import { AuthUser, toActor } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../clock/clock';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { ReadAfterService } from '../read-consistency/read-after.service';
import { StatsQueryDto } from '../supervision/stats/stats.query.dto';
import { UnitStatsReports } from '../supervision/stats/unit-stats-report';
import { ListSuggestionsQueryDto } from '../suggestions/dto/list-suggestions.query.dto';
import { buildSheet, XLSX_TYPE, xlsxFile } from './spreadsheet';
import { suggestionColumns } from './suggestion-columns';
import { UNIT_STATS_COLUMNS } from './unit-stats-columns';

/** A sheet is cut here: beyond it, an export is a job for the read model's file, not a request. */
export const EXPORT_MAX_ROWS = 50_000;
const PAGE = 200;

/** Spreadsheets of what the screens show, with the same filters and the same scoping. */
@ApiTags('export')
@ApiBearerAuth()
@Controller()
export class ExportController {
  constructor(
    private readonly unitStats: UnitStatsReports,
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('stats/units.xlsx')
  @Roles('staff', 'supervisor', 'admin', 'unit')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '导出各承办单位办理情况统计（Excel），筛选条件同 /api/stats/units' })
  async unitStatsSheet(@Query() query: StatsQueryDto, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const period = query.period();
    await this.readAfter.waitFor(query.after);
    const report = this.unitStats.build(user, period);
    const buffer = await buildSheet('承办单位统计', UNIT_STATS_COLUMNS, report.units);
    return xlsxFile(buffer, 'unit-stats', '承办单位办理情况统计');
  }

  @Get('suggestions.xlsx')
  @ApiProduces(XLSX_TYPE)
  @ApiOperation({ summary: '导出建议列表（Excel），筛选条件同 /api/suggestions，导出全部页' })
  async suggestionsSheet(@Query() query: ListSuggestionsQueryDto, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    await this.readAfter.waitFor(query.after);
    const viewer = toActor(user);
    const now = this.clock.nowIso();
    const filter = query.toFilter();
    const rows: SuggestionListItem[] = [];
    for (let page = 1; rows.length < EXPORT_MAX_ROWS; page++) {
      const { items } = this.queries.listSuggestions({ ...filter, page, pageSize: PAGE }, viewer, now);
      rows.push(...items);
      if (items.length < PAGE) break;
    }
    const names = {
      units: new Map(this.queries.listUnits().map((u) => [u.id, u.name])),
      people: new Map(this.queries.listUsers('deputy').map((u) => [u.id, u.displayName])),
    };
    const buffer = await buildSheet('建议列表', suggestionColumns(names), rows.slice(0, EXPORT_MAX_ROWS));
    return xlsxFile(buffer, 'suggestions', '建议列表');
  }
}
