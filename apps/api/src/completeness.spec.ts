import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SUGGESTION_ACTIONS, suggestionActionPath, type AccountEventType, type SessionEventType, type SuggestionEventType } from '@duban/domain';
import {
  ACCOUNT_EVENT_LABELS,
  ACTION_LABELS,
  CALENDAR_EVENT_LABELS,
  EVENT_LABELS,
  GROUP_EVENT_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  DELEGATION_EVENT_LABELS,
  SESSION_EVENT_LABELS,
  SUGGESTION_EVENT_LABELS,
} from '@duban/domain/labels';
import { AUTHORIZATION_MATRIX_ENDPOINTS } from '../../../test/support/authorization-matrix-table';
import { ENDPOINTS as FUZZED_ENDPOINTS } from '../../../test/fuzz/support/endpoint-schemas';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import type { CalendarStreamEvent } from './calendar/calendar-stream';
import type { GroupStreamEvent } from './groups/group-stream';

/**
 * What a new command or event needs besides its rule, and that nothing else would catch: the labels
 * are typed over their unions (the compiler refuses a missing one), and this spec holds the rest —
 * a route per action, a row per command route in the authorization matrix, a fuzz schema, a button
 * in the web app, labels that are Chinese, and the group stream's events (declared in the api) named
 * in the label module.
 */

/**
 * Every controller the service's modules register, read from Nest's decorators without starting it
 * (with the manual clock, so the test clock's controller is registered too).
 */
function registeredControllers(): Type<unknown>[] {
  const root = AppModule.register({ clock: 'manual' } as AppConfig);
  const seen = new Set<unknown>();
  const found: Type<unknown>[] = [];
  const visit = (entry: Type<unknown> | DynamicModule | Promise<DynamicModule> | undefined): void => {
    if (!entry || entry instanceof Promise || seen.has(entry)) return;
    seen.add(entry);
    const dynamic = 'module' in entry ? (entry as DynamicModule) : undefined;
    const moduleClass = dynamic ? dynamic.module : (entry as Type<unknown>);
    const imports = [...((Reflect.getMetadata(MODULE_METADATA.IMPORTS, moduleClass) as []) ?? []), ...(dynamic?.imports ?? [])];
    found.push(...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, moduleClass) as Type<unknown>[]) ?? []), ...(dynamic?.controllers ?? []));
    for (const imported of imports) visit(imported as Type<unknown>);
  };
  visit(root);
  return found;
}

/** Every `POST` route the service's modules declare. */
function postRoutes(): string[] {
  return registeredControllers().flatMap(postRoutesOf);
}

/** Every controller class written in the api's `*.controller.ts` files, registered or not. */
function writtenControllers(): Type<unknown>[] {
  return readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.controller.ts'))
    .flatMap((file) => Object.values(require(path.join(__dirname, file)) as Record<string, unknown>))
    .filter((value): value is Type<unknown> => typeof value === 'function' && Reflect.hasMetadata(PATH_METADATA, value));
}

function postRoutesOf(controller: Type<unknown>): string[] {
  const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
  const proto = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(proto)
    .map((name) => proto[name])
    .filter((handler) => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST)
    .map((handler) => {
      const path = String(Reflect.getMetadata(PATH_METADATA, handler as object) ?? '');
      return `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
    });
}

/**
 * The actions some page of the web app offers. A page shows a command's button only when the server
 * allows it, asking `allows(detail, '<action>')` (apps/web/src/lib/allowed-actions.ts); an action no
 * page asks about is one the server may offer and nobody can click.
 */
function actionsOfferedByTheWebApp(): Set<string> {
  const webSource = path.join(__dirname, '../../web/src');
  const offered = new Set<string>();
  for (const file of readdirSync(webSource, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.tsx')) continue;
    for (const match of readFileSync(path.join(webSource, file), 'utf8').matchAll(/\ballows\([^,()]+,\s*'(\w+)'\)/g)) offered.add(match[1]!);
  }
  return offered;
}

const CHINESE = /^[\u4e00-\u9fff][\u4e00-\u9fff +（）、]*$/;

describe('every action, event and command route is complete', () => {
  const routes = postRoutes();

  it('finds the routes (the walk over the modules is not empty)', () => {
    expect(routes).toEqual(expect.arrayContaining(['/suggestions', '/suggestions/:id/accept', '/groups']));
  });

  it.each([...SUGGESTION_ACTIONS])('%s has a route, a Chinese label, a row in the authorization matrix and a fuzz schema', (action) => {
    const path = suggestionActionPath(action);
    expect(routes).toContain(`/suggestions/:id/${path}`);
    expect(ACTION_LABELS[action]).toMatch(CHINESE);
    expect(AUTHORIZATION_MATRIX_ENDPOINTS).toContain(`:id/${path}`);
    expect(FUZZED_ENDPOINTS.map((e) => e.path)).toContain(`/api/suggestions/:id/${path}`);
  });

  it('every controller written is registered in a module (its routes are served)', () => {
    const registered = new Set(registeredControllers());
    const written = writtenControllers();
    expect(written.length).toBeGreaterThan(30);
    expect(written.filter((controller) => !registered.has(controller)).map((controller) => controller.name)).toEqual([]);
  });

  it('every per-suggestion command route is an action (no route the web cannot offer)', () => {
    const actionRoutes = routes.filter((r) => /^\/suggestions\/:id\/[^/]+$/.test(r)).map((r) => r.split('/').pop());
    expect(actionRoutes.sort()).toEqual(SUGGESTION_ACTIONS.map(suggestionActionPath).sort());
  });

  it('every action has a button in the web app (some page asks allows(detail, action))', () => {
    const offered = actionsOfferedByTheWebApp();
    expect(offered.size).toBeGreaterThan(0);
    expect(SUGGESTION_ACTIONS.filter((action) => !offered.has(action))).toEqual([]);
  });

  it('every event type of every stream has a Chinese label', () => {
    for (const label of Object.values(EVENT_LABELS)) expect(label).toMatch(CHINESE);
    for (const label of [...Object.values(STATUS_LABELS), ...Object.values(ROLE_LABELS)]) expect(label).toMatch(CHINESE);
  });

  it('the group stream’s events, declared in the api, are exactly the labelled ones', () => {
    // Both directions at compile time: a group event without a label, or a label for none, fails here.
    const labelled: Record<GroupStreamEvent['type'], string> = GROUP_EVENT_LABELS;
    const declared: Record<keyof typeof GROUP_EVENT_LABELS, true> = { GroupFormationStarted: true, GroupFormed: true, GroupDissolved: true } satisfies Record<
      GroupStreamEvent['type'],
      true
    >;
    expect(Object.keys(labelled).sort()).toEqual(Object.keys(declared).sort());
  });

  it('the calendar notices’ events, declared in the api, are exactly the labelled ones', () => {
    const labelled: Record<CalendarStreamEvent['type'], string> = CALENDAR_EVENT_LABELS;
    const declared: Record<keyof typeof CALENDAR_EVENT_LABELS, true> = { CalendarNoticeLoaded: true } satisfies Record<CalendarStreamEvent['type'], true>;
    expect(Object.keys(labelled).sort()).toEqual(Object.keys(declared).sort());
    expect(EVENT_LABELS.CalendarNoticeLoaded).toBe('载入正式放假通知');
  });

  it('every session route has a row in the authorization matrix', () => {
    const sessionRoutes = routes.filter((r) => r.startsWith('/sessions') || r.startsWith('/delegations')).map((r) => `POST /api${r.replace(':id', '{id}')}`);
    expect(sessionRoutes.length).toBeGreaterThan(0);
    expect(AUTHORIZATION_MATRIX_ENDPOINTS).toEqual(expect.arrayContaining(sessionRoutes));
  });

  it('the suggestion and account labels are keyed by their unions and nothing else', () => {
    const suggestion: Record<SuggestionEventType, string> = SUGGESTION_EVENT_LABELS;
    const account: Record<AccountEventType, string> = ACCOUNT_EVENT_LABELS;
    const session: Record<SessionEventType, string> = SESSION_EVENT_LABELS;
    expect(Object.keys(EVENT_LABELS).sort()).toEqual(
      [
        ...Object.keys(suggestion),
        ...Object.keys(account),
        ...Object.keys(GROUP_EVENT_LABELS),
        ...Object.keys(CALENDAR_EVENT_LABELS),
        ...Object.keys(session),
        ...Object.keys(DELEGATION_EVENT_LABELS),
      ].sort(),
    );
  });
});
