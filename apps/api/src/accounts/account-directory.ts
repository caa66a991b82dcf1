import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { Role, unitStreamId, userStreamId } from '@duban/domain';
import { EVENT_STORE, EventStore } from '@duban/event-store';
import { FieldError } from '../http/validation/field-error';
import { UnitRecord, UserRecord, foldUnit, foldUser } from './account-records';

const ROLE_NAMES: Record<Role, string> = {
  deputy: '人大代表',
  staff: '工作人员',
  unit: '承办单位用户',
  supervisor: '督办人',
  admin: '管理员',
};

/**
 * Looks people and units up in their own streams: strongly consistent, unlike the read model,
 * so a login or a reference check right after a registration never misses it.
 */
@Injectable()
export class AccountDirectory {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async findUser(userId: string): Promise<UserRecord | null> {
    return foldUser(await this.store.readStream(userStreamId(userId)));
  }

  /** The user and their stream's revision as read (a token issued now names it), or null. */
  async findUserWithRevision(userId: string): Promise<{ user: UserRecord; revision: number } | null> {
    const events = await this.store.readStream(userStreamId(userId));
    const user = foldUser(events);
    return user ? { user, revision: Number(events[events.length - 1]!.revision) } : null;
  }

  async findUnit(unitId: string): Promise<UnitRecord | null> {
    return foldUnit(await this.store.readStream(unitStreamId(unitId)));
  }

  /** 400 naming `field` unless every id is a registered user with `role`. */
  async requireUsersWithRole(field: string, userIds: readonly string[], role: Role): Promise<void> {
    const problems: FieldError[] = [];
    for (const userId of userIds) {
      const user = await this.findUser(userId);
      if (!user) problems.push({ field, message: `用户「${userId}」不存在` });
      else if (user.status === 'deactivated') problems.push({ field, message: `「${user.displayName}」的账号已停用` });
      else if (user.role !== role) problems.push({ field, message: `「${user.displayName}」不是${ROLE_NAMES[role]}` });
    }
    throwIfAny(problems);
  }

  /** 400 naming `field` unless every id is a registered unit. */
  async requireUnits(field: string, unitIds: readonly string[]): Promise<void> {
    const problems: FieldError[] = [];
    for (const unitId of unitIds) {
      if (!(await this.findUnit(unitId))) problems.push({ field, message: `承办单位「${unitId}」不存在` });
    }
    throwIfAny(problems);
  }
}

function throwIfAny(problems: FieldError[]): void {
  if (problems.length === 0) return;
  throw new BadRequestException({ statusCode: 400, code: 'validation_failed', message: '请求参数有误', errors: problems });
}
