import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { addDays, addMonths, daysBetween, toShanghaiDate } from '@duban/domain';
import type { Actor, SuggestionCommand } from '@duban/domain';
import { AccountCommandsService } from '../accounts/account-commands.service';
import { AccountDirectory } from '../accounts/account-directory';
import { Clock } from '../clock/clock';
import { RunDelegationCommand } from '../delegations/delegation-stream';
import { RunSessionCommand } from '../sessions/session-stream';
import { SuggestionRegistration } from '../sessions/suggestion-registration';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-accounts';
import { DEMO_SUGGESTIONS, DemoDay, DemoStep } from './demo-suggestions';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEEDER: Actor = { userId: 'system', role: 'system' };
/** Fixed ids, so the README and a new user's first look can name them. */
export const DEMO_CONGRESS_ID = 'demo-16-3';
export const DEMO_RECESS_ID = 'demo-16-2-recess';
export const DEMO_DELEGATION_ID = 'demo-dongcheng';

/** Made during this year's meeting (十六届人大三次会议); the third by 东城区代表团, whose head is daibiao1. */
export const DEMO_CONGRESS_SUGGESTIONS: readonly { by: string; title: string; content: string; coSignerIds: string[]; byDelegation?: boolean }[] = [
  { by: 'daibiao1', title: '关于加快老旧小区加装电梯的建议', content: '建议简化老旧小区加装电梯审批流程，加大财政补贴。', coSignerIds: ['daibiao2'] },
  { by: 'daibiao2', title: '关于完善城区停车设施规划的建议', content: '建议在医院、学校周边规划建设立体停车设施。', coSignerIds: [] },
  { by: 'daibiao2', title: '关于东城区中小学体育场馆向社会开放的建议', content: '代表团建议：推动学校体育场馆在节假日有序向社会开放。', coSignerIds: ['daibiao3'], byDelegation: true },
];

/**
 * Loads the demo organisation through the same path as every request (the CommandBus, so the
 * command pipeline: decider, then append with an expected revision), acting as the demo people
 * themselves, so the demo history is one the rules allow and the read models see ordinary events.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('demo');

  constructor(
    private readonly accounts: AccountCommandsService,
    private readonly directory: AccountDirectory,
    private readonly commandBus: CommandBus,
    @Inject(Clock) private readonly clock: Clock,
    private readonly registration: SuggestionRegistration,
  ) {}

  async seed(): Promise<void> {
    const correlationId = `demo-${randomUUID()}`;
    const now = this.clock.now();
    const base = now.getTime();
    const today = toShanghaiDate(now.toISOString());
    const at = (day: DemoDay, step: number) => new Date(base + toDays(day, today) * DAY_MS + step * 60_000).toISOString();
    const earliest = at(Math.min(...DEMO_SUGGESTIONS.map((s) => toDays(s.submit.day, today))) - 1, 0);

    for (const unit of DEMO_UNITS) {
      await this.accounts.registerUnit(unit.id, unit.name, { actor: SEEDER, correlationId, causationId: correlationId, at: earliest });
    }
    const system = { correlationId, causationId: correlationId, at: earliest };
    // The sessions (届次/会次): the demo's history is the recess after last year's meeting; this
    // year's meeting (大会期间) has its own numbered suggestions, handed over on its 交办 date.
    await this.commandBus.execute(
      new RunSessionCommand(DEMO_RECESS_ID, { type: 'OpenSession', data: { sessionId: DEMO_RECESS_ID, name: '十六届人大二次会议闭会期间', kind: 'recess', startsOn: toShanghaiDate(earliest) } }, SEEDER, system),
    );
    const congressStart = addDays(today, -40);
    await this.commandBus.execute(
      new RunSessionCommand(
        DEMO_CONGRESS_ID,
        { type: 'OpenSession', data: { sessionId: DEMO_CONGRESS_ID, name: '十六届人大三次会议', kind: 'congress', startsOn: congressStart, endsOn: addDays(congressStart, 5) } },
        SEEDER,
        { ...system, at: at(-41, 0) },
      ),
    );
    await this.commandBus.execute(
      new RunSessionCommand(DEMO_CONGRESS_ID, { type: 'SetAssignmentDate', data: { assignOn: addDays(today, 7) } }, SEEDER, { ...system, at: at(-34, 0) }),
    );
    await this.commandBus.execute(
      new RunDelegationCommand(DEMO_DELEGATION_ID, { type: 'RegisterDelegation', data: { delegationId: DEMO_DELEGATION_ID, name: '东城区代表团', headDeputyId: 'daibiao1' } }, SEEDER, system),
    );
    for (const user of DEMO_USERS) {
      const newUser = {
        username: user.username,
        password: DEMO_PASSWORD,
        displayName: user.displayName,
        role: user.role,
        ...(user.role === 'deputy' ? { delegationId: DEMO_DELEGATION_ID } : {}),
      };
      await this.accounts.registerUser(user.unitId === undefined ? newUser : { ...newUser, unitId: user.unitId }, {
        actor: SEEDER,
        correlationId,
        causationId: correlationId,
        at: earliest,
      });
    }

    for (const suggestion of DEMO_SUGGESTIONS) {
      const id = randomUUID();
      const { submit } = suggestion;
      const submitCommand: SuggestionCommand = {
        type: 'SubmitSuggestion',
        data: { suggestionId: id, title: submit.title, content: submit.content, coSignerIds: submit.coSignerIds, sessionId: DEMO_RECESS_ID },
      };
      await this.run(id, submitCommand, submit.by, at(submit.day, 0), correlationId);
      for (const [index, step] of suggestion.steps.entries()) {
        const stepAt = at(step.day, index + 1);
        await this.run(id, resolveRelativeDates(step, stepAt), step.by, stepAt, correlationId);
      }
    }
    await this.seedCongress(at, correlationId);
    this.logger.log(
      `demo data loaded: ${DEMO_UNITS.length} units, ${DEMO_USERS.length} users, ${DEMO_SUGGESTIONS.length} suggestions`,
    );
  }

  /** Suggestions made during this year's meeting, registered (第0001号…) and waiting for the 交办 date. */
  private async seedCongress(at: (day: DemoDay, step: number) => string, correlationId: string): Promise<void> {
    const made = DEMO_CONGRESS_SUGGESTIONS;
    for (const [index, s] of made.entries()) {
      const id = randomUUID();
      const delegation = s.byDelegation ? { delegationId: DEMO_DELEGATION_ID, delegationHeadId: 'daibiao1' } : {};
      await this.run(
        id,
        { type: 'SubmitSuggestion', data: { suggestionId: id, title: s.title, content: s.content, coSignerIds: s.coSignerIds, sessionId: DEMO_CONGRESS_ID, ...delegation } },
        s.by,
        at(-38, index),
        correlationId,
      );
      await this.run(id, { type: 'AcceptSuggestion', data: {} }, 'gongwei', at(-33, index), correlationId);
    }
  }

  private async run(id: string, command: SuggestionCommand, username: string, at: string, correlationId: string): Promise<void> {
    const user = await this.directory.findUser(username);
    if (!user) throw new Error(`demo script names unknown user ${username}`);
    const actor: Actor = user.unitId === undefined ? { userId: user.userId, role: user.role } : { userId: user.userId, role: user.role, unitId: user.unitId };
    const options = { correlationId, causationId: correlationId, at };
    // 立案 numbers the suggestion within its session, as a request does.
    const sent = command.type === 'AcceptSuggestion' ? await this.registration.acceptCommand(id, actor, options) : command;
    await this.commandBus.execute(new RunSuggestionCommand(id, sent, actor, options));
  }
}

/** Whole days from today (Asia/Shanghai) back to the script's day. */
function toDays(day: DemoDay, today: string): number {
  if (typeof day === 'number') return day;
  return daysBetween(today, addDays(addMonths(today, day.months), day.days));
}

/** `+N` due dates in the script become N days after the step. */
function resolveRelativeDates(step: DemoStep, stepAt: string): SuggestionCommand {
  const { command } = step;
  if (command.type !== 'AnswerSuggestion') return command;
  const commitments = command.data.commitments.map((c) => {
    const match = /^\+(\d+)$/.exec(c.dueAt);
    return match ? { ...c, dueAt: new Date(Date.parse(stepAt) + Number(match[1]) * DAY_MS).toISOString() } : c;
  });
  return { ...command, data: { ...command.data, commitments } };
}
