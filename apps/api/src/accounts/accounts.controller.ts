import { Body, Controller, Get, Inject, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommandResult, ApiErrors, ApiOk, UnitRowDoc, UserListRowDoc } from '../http/openapi';
import type { Role } from '@duban/domain';
import type { ReadModelQueries, UnitRow, UserListRow } from '@duban/read-models';
import type { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Ids, RequestIds } from '../http/correlation';
import { Idempotency } from '../idempotency/idempotency.decorator';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import { READ_MODEL_QUERIES } from '../infrastructure/tokens';
import { AfterQueryDto } from '../read-consistency/after-query.dto';
import { ReadAfterService } from '../read-consistency/read-after.service';
import type { CommandOutcome } from '../commands/command-outcome';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { AccountCommandsService } from './account-commands.service';
import { accountRequest } from './account-request';
import { CreateUnitDto } from './create-unit.dto';
import { CreateUserDto } from './create-user.dto';
import { ListUsersQueryDto } from './list-users.query.dto';

/** Deputies' phone numbers are for those who contact them; a unit reads them per suggestion it handles. */
const SEES_PHONES: readonly Role[] = ['staff', 'admin'];

/** Units and users: admins register them; everyone signed in can list them for pickers (never a hash). */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class AccountsController {
  constructor(
    private readonly commands: AccountCommandsService,
    private readonly readAfter: ReadAfterService,
    @Inject(READ_MODEL_QUERIES) private readonly queries: ReadModelQueries,
  ) {}

  @Post('units')
  @Roles('admin')
  @UseInterceptors(EtagInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：重发同一请求返回首次结果' })
  @ApiOperation({ summary: '登记承办单位（管理员）' })
  @ApiCommandResult(201)
  @ApiErrors(403, 409, 422, 503)
  createUnit(
    @Body() dto: CreateUnitDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.registerUnit(dto.id, dto.name, accountRequest(user, ids, idempotency));
  }

  @Post('users')
  @Roles('admin')
  @UseInterceptors(EtagInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：重发同一请求返回首次结果' })
  @ApiOperation({ summary: '创建用户（管理员）' })
  @ApiCommandResult(201)
  @ApiErrors(403, 409, 422, 503)
  createUser(
    @Body() dto: CreateUserDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.registerUser(dto, accountRequest(user, ids, idempotency));
  }

  @Get('units')
  @ApiOperation({ summary: '承办单位列表' })
  @ApiOk([UnitRowDoc])
  async units(@Query() query: AfterQueryDto): Promise<UnitRow[]> {
    await this.readAfter.waitFor(query.after);
    return this.queries.listUnits();
  }

  @Get('users')
  @ApiOperation({ summary: '用户列表（可按角色筛选，含已停用账号：active 为 false），不含密码；代表的电话号码仅工作人员与管理员可见' })
  @ApiOk([UserListRowDoc])
  async users(@Query() query: ListUsersQueryDto, @CurrentUser() user: AuthUser): Promise<UserListRow[]> {
    await this.readAfter.waitFor(query.after);
    const rows = this.queries.listUsers(query.role);
    if (SEES_PHONES.includes(user.role)) return rows;
    return rows.map(({ phone: _hidden, ...row }) => row);
  }
}
