import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { addDays, addMonths, daysBetween, toShanghaiDate } from '@duban/domain';
import type { Actor, SuggestionCommand } from '@duban/domain';
import { AccountCommandsService } from '../accounts/account-commands.service';
import { AccountDirectory } from '../accounts/account-directory';
import { Clock } from '../clock/clock';
import { RunSuggestionCommand } from '../suggestions/execution/suggestion-stream';
import { DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo-accounts';
import { DEMO_SUGGESTIONS, DemoDay, DemoStep } from './demo-suggestions';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEEDER: Actor = { userId: 'system', role: 'system' };

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
    for (const user of DEMO_USERS) {
      const newUser = { username: user.username, password: DEMO_PASSWORD, displayName: user.displayName, role: user.role };
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
        data: { suggestionId: id, title: submit.title, content: submit.content, coSignerIds: submit.coSignerIds },
      };
      await this.run(id, submitCommand, submit.by, at(submit.day, 0), correlationId);
      for (const [index, step] of suggestion.steps.entries()) {
        const stepAt = at(step.day, index + 1);
        await this.run(id, resolveRelativeDates(step, stepAt), step.by, stepAt, correlationId);
      }
    }
    this.logger.log(
      `demo data loaded: ${DEMO_UNITS.length} units, ${DEMO_USERS.length} users, ${DEMO_SUGGESTIONS.length} suggestions`,
    );
  }

  private async run(id: string, command: SuggestionCommand, username: string, at: string, correlationId: string): Promise<void> {
    const user = await this.directory.findUser(username);
    if (!user) throw new Error(`demo script names unknown user ${username}`);
    const actor: Actor = user.unitId === undefined ? { userId: user.userId, role: user.role } : { userId: user.userId, role: user.role, unitId: user.unitId };
    await this.commandBus.execute(new RunSuggestionCommand(id, command, actor, { correlationId, causationId: correlationId, at }));
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
