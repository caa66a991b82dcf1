import { Body, Controller, Get, HttpCode, NotFoundException, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommandResult, ApiErrors, ApiOk, ProfileViewDoc } from '../http/openapi';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Ids, RequestIds } from '../http/correlation';
import { Idempotency } from '../idempotency/idempotency.decorator';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import type { CommandOutcome } from '../commands/command-outcome';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { AccountCommandsService } from './account-commands.service';
import { AccountDirectory } from './account-directory';
import { accountRequest } from './account-request';
import { ChangePhoneDto } from './change-phone.dto';
import { toProfileView, type ProfileView } from './profile.view';
import { UserIdParam } from './user-id.pipe';

/**
 * 个人信息: one's own account, and a deputy's phone number, which the deputy keeps current (units
 * call it before answering) and an admin may set for them. Who may change it is the domain's rule
 * (the deputy or an admin), so other people are refused with 403 and nothing is written.
 */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller()
export class ProfileController {
  constructor(
    private readonly commands: AccountCommandsService,
    private readonly directory: AccountDirectory,
  ) {}

  @Get('auth/profile')
  @ApiOperation({ summary: '本人账号信息（个人信息页）：姓名、角色、所属单位或代表团、电话号码' })
  @ApiOk(ProfileViewDoc)
  @ApiErrors(404)
  async profile(@CurrentUser() user: AuthUser): Promise<ProfileView> {
    const record = await this.directory.findUser(user.id);
    if (!record) throw new NotFoundException('用户不存在');
    return toProfileView(record);
  }

  @Post('users/:id/phone')
  @HttpCode(200)
  @UseInterceptors(EtagInterceptor)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '幂等键：重发同一请求返回首次结果' })
  @ApiOperation({ summary: '修改人大代表的电话号码（本人或管理员）：不填则删除；仅工作人员、管理员和承办该代表建议的单位可见' })
  @ApiCommandResult()
  @ApiErrors(403, 404, 409, 422, 503)
  changePhone(
    @UserIdParam() id: string,
    @Body() dto: ChangePhoneDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    return this.commands.changePhone(id, dto.phone, accountRequest(user, ids, idempotency));
  }
}
