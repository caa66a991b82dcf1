import { Body, Controller, Get, HttpCode, Ip, NotFoundException, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiCommandResult, ApiErrors, ApiOk, AuthUserDoc, IDEMPOTENCY_KEY_HEADER, LoginResultDoc } from '../http/openapi';
import { AccountCommandsService } from '../accounts/account-commands.service';
import { AccountDirectory } from '../accounts/account-directory';
import { Ids, RequestIds } from '../http/correlation';
import { Idempotency } from '../idempotency/idempotency.decorator';
import type { IdempotencyRequest } from '../idempotency/idempotency-request';
import type { CommandOutcome } from '../commands/command-outcome';
import { EtagInterceptor } from '../suggestions/http/etag.interceptor';
import { AuthUser, toActor } from './auth-user';
import { AuthService, LoginResult, toAuthUser } from './auth.service';
import { AllowedBeforePasswordChange } from './before-password-change.decorator';
import { ChangePasswordDto } from './change-password.dto';
import { CurrentSession, CurrentUser } from './current-user.decorator';
import type { Session } from './sessions/session';
import { LoginDto } from './login.dto';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly directory: AccountDirectory,
    private readonly accounts: AccountCommandsService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录，返回访问令牌（无需登录）。连续失败将临时锁定账号或来源地址（429，带 Retry-After）' })
  @ApiOk(LoginResultDoc)
  @ApiErrors(400, 401, 429)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    return this.auth.login(dto.username, dto.password, ip ?? 'unknown');
  }

  @Post('logout')
  @AllowedBeforePasswordChange()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：当前令牌立即失效（所有接口与实时变更流均拒绝它）' })
  @ApiCommandResult()
  @ApiErrors(503)
  logout(@CurrentUser() user: AuthUser, @CurrentSession() session: Session, @Ids() ids: RequestIds): Promise<CommandOutcome> {
    // No Idempotency-Key needed: a repeated logout is refused (401) by the token it just ended.
    return this.accounts.endSession(user.id, session.jti, session.expiresAtMs, {
      actor: toActor(user),
      correlationId: ids.correlationId,
      causationId: ids.requestId,
    });
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录用户' })
  @ApiOk(AuthUserDoc)
  @ApiErrors(404)
  async me(@CurrentUser() user: AuthUser): Promise<AuthUser> {
    const record = await this.directory.findUser(user.id);
    if (!record) throw new NotFoundException('用户不存在');
    return toAuthUser(record);
  }

  @Post('password')
  @AllowedBeforePasswordChange()
  @HttpCode(200)
  @UseInterceptors(EtagInterceptor)
  @ApiBearerAuth()
  @ApiOperation({ summary: '修改自己的密码（须提供当前密码）' })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCommandResult()
  @ApiErrors(400, 403, 422, 503)
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentUser() user: AuthUser,
    @Ids() ids: RequestIds,
    @Idempotency() idempotency: IdempotencyRequest | undefined,
  ): Promise<CommandOutcome> {
    const request = {
      actor: toActor(user),
      correlationId: ids.correlationId,
      causationId: ids.requestId,
      ...(idempotency ? { idempotency } : {}),
    };
    return this.accounts.changePassword(user.id, dto.currentPassword, dto.newPassword, request);
  }
}
