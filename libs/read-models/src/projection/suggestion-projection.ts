import {
  upcast,
  evolveSuggestionFacts,
  withTrackedDeadlines,
  ExistingSuggestion,
  SUGGESTION_STREAM_PREFIX,
  SuggestionEvent,
  SuggestionState,
  Stamped,
  suggestionDecider,
  suggestionSummary,
  unitsEverAssigned,
} from '@duban/domain';
import type { Position, RecordedEvent } from '@duban/event-store';
import { performance } from 'node:perf_hooks';
import { NO_DUE_SORT_KEY } from '../schema/read-model-schema';
import { toIsoInstant } from './iso-instant';
import type { NotificationWriter } from './notifications/notification-writer';
import { notificationsFor } from './notifications/notification-rules';
import { StateCache } from './state-cache';
import { suggestionFacts, type FactRules, type SuggestionFacts } from './supervision/suggestion-facts';
import type { SupervisionWriter } from './supervision/supervision-writer';
import { SuggestionRowWriter, type SuggestionListValues } from './suggestion-row-writer';
import type { UnitNames } from './unit-names';
import type { RoutingEvidenceWriter } from './routing/routing-evidence-writer';
import type { PhaseTimes } from './phase-times';

/** Who may see a suggestion, as the live stream needs it: its signers and every unit ever assigned. */
export interface SuggestionVisibility {
  suggestionId: string;
  deputyIds: string[];
  unitIds: string[];
}

/** The writers and rules the suggestion projection works with. */
export interface SuggestionProjectionParts {
  rows: SuggestionRowWriter;
  supervision: SupervisionWriter;
  notifications: NotificationWriter;
  unitNames: UnitNames;
  rules: FactRules;
  routing: RoutingEvidenceWriter;
}

interface CachedSuggestion {
  id: string;
  state: ExistingSuggestion;
  revision: number;
  /** occurredAt of the last event folded in. */
  updatedAt: string;
  /** Folded further than its row: written at the end of the batch, or when evicted. */
  dirty: boolean;
  /** The party rows as last written ('' = unknown), so unchanged ones cost nothing. */
  partiesKey: string;
  /** The status its row was last written with, for the status counts; null before the first write. */
  writtenStatus: string | null;
  /** The supervision facts of the state its rows were last written with; null before the first write. */
  writtenFacts: SuggestionFacts | null;
}

/**
 * Folds suggestion events with the domain's evolve and keeps the suggestion's list row, its
 * parties, its supervision facts and its notifications. States stay in a bounded cache so
 * consecutive events of one suggestion neither re-read nor re-write its row: the row is written
 * once per batch. Its timeline is not copied here: that is the stream itself, which the api reads
 * from the store (apps/api/src/suggestions/timeline).
 */
export class SuggestionProjection {
  private readonly cache: StateCache<CachedSuggestion>;
  private readonly dirty = new Set<CachedSuggestion>();

  private readonly rows: SuggestionRowWriter;
  /** When the event being applied started (timed only): its fold counts from here. */
  private eventStarted: number | null = null;

  /** `times`: where to add the time of each phase (a rebuild's split); null: not timed. */
  constructor(
    private readonly parts: SuggestionProjectionParts,
    cacheSize: number,
    private readonly times: PhaseTimes | null = null,
  ) {
    this.rows = parts.rows;
    this.cache = new StateCache<CachedSuggestion>(cacheSize, (_id, entry) => {
      if (!entry.dirty) return;
      this.write(entry);
      this.dirty.delete(entry);
    });
  }

  /** Folds the event in; with `describe`, says who may see the suggestion now (for the live stream). */
  apply(recorded: RecordedEvent, describe = false): SuggestionVisibility | null {
    if (this.times !== null) this.eventStarted = performance.now();
    // Older event shapes are brought up to date here, the read side's one place for it (as the command side's).
    const event = upcast(recorded);
    const id = event.streamId.slice(SUGGESTION_STREAM_PREFIX.length);
    const revision = Number(event.revision);
    const entry = this.cache.get(id) ?? this.load(id);
    const expected = entry ? entry.revision + 1 : 0;
    // A duplicate or a gap means the checkpoint and the rows disagree: never paper over it.
    if (revision !== expected) {
      throw new Error(`expected revision ${expected} of ${event.streamId}, got ${revision}`);
    }
    const { occurredAt, actor } = event.metadata;
    const stamped = { type: event.type, data: event.data, at: occurredAt, by: actor } as Stamped<SuggestionEvent>;
    const before = entry ? entry.state : suggestionDecider.initialState();
    const times = this.times;
    let state: SuggestionState;
    if (times === null) state = suggestionDecider.evolve(before, stamped);
    else {
      // The fold in its two halves (what evolve composes), each timed.
      const facts = evolveSuggestionFacts(before, stamped);
      const t1 = performance.now();
      state = withTrackedDeadlines(before, facts, stamped);
      const t2 = performance.now();
      // From the start of apply: the upcast and the state's lookup count as folding too.
      times.fold += t1 - this.eventStarted!;
      times.deadlines += t2 - t1;
      this.eventStarted = t2;
    }
    if (state.status === 'none') {
      throw new Error(`${event.type} at revision ${revision} of ${event.streamId} leaves no suggestion`);
    }
    if (entry) {
      entry.state = state;
      entry.revision = revision;
      entry.updatedAt = occurredAt;
      this.markDirty(entry);
    } else {
      const created: CachedSuggestion = {
        id,
        state,
        revision,
        updatedAt: occurredAt,
        dirty: false,
        partiesKey: '',
        writtenStatus: null,
        writtenFacts: null,
      };
      this.markDirty(created);
      this.cache.set(id, created);
    }
    this.notify(id, revision, event.position, stamped, state);
    // Written at once (not with the row): the table is keyed by unit, and a batch's transaction covers it.
    this.parts.routing.apply(id, stamped, state);
    if (times !== null) {
      const t3 = performance.now();
      times.views += t3 - this.eventStarted!;
      this.eventStarted = null;
    }
    return describe ? { suggestionId: id, deputyIds: [state.leadDeputyId, ...state.coSignerIds], unitIds: unitsEverAssigned(state) } : null;
  }

  /** Writes every state folded since its row was last written. Call inside the batch's transaction. */
  flush(): void {
    // In key order: rows then go into the tables' B-trees one after another instead of at random
    // pages (a rebuild's final flush writes every suggestion at once). The result is the same in
    // any order: every write is keyed, and the counts and statistics are sums.
    const entries = [...this.dirty].sort(byId);
    for (const entry of entries) this.write(entry);
    this.dirty.clear();
    this.parts.supervision.flush();
  }

  /** After a rolled-back batch the cached states are ahead of the rows: forget them. */
  forget(): void {
    this.dirty.clear();
    this.cache.clear();
    this.parts.supervision.discardPending();
  }

  private notify(id: string, revision: number, position: Position, event: Stamped<SuggestionEvent>, state: ExistingSuggestion): void {
    // A unit is named as it was named when this event happened (see UnitNames).
    const drafts = notificationsFor(event, { state, actor: event.by, unitName: (unitId) => this.parts.unitNames.get(unitId, position) });
    for (let i = 0; i < drafts.length; i++) {
      const draft = drafts[i]!;
      this.parts.notifications.append(position, i, draft.audience, id, revision, event.at, draft.kind, draft.message);
    }
  }

  private markDirty(entry: CachedSuggestion): void {
    if (entry.dirty) return;
    entry.dirty = true;
    this.dirty.add(entry);
  }

  private load(id: string): CachedSuggestion | undefined {
    const row = this.rows.load(id);
    if (!row) return undefined;
    const { id: storedId, ...stored } = JSON.parse(row.stateJson) as Omit<ExistingSuggestion, 'title' | 'content'>;
    // Title and content go back where evolve puts them, so the state reads as if never stored.
    const state = { id: storedId, title: row.title, content: row.content, ...stored } as ExistingSuggestion;
    const entry: CachedSuggestion = {
      id,
      state,
      revision: row.revision,
      updatedAt: '',
      dirty: false,
      partiesKey: '',
      writtenStatus: row.status,
      // Only to tell what the next write changes; its wake-up is written again anyway.
      writtenFacts: suggestionFacts(state, null),
    };
    this.cache.set(id, entry);
    return entry;
  }

  private write(entry: CachedSuggestion): void {
    const t0 = this.times === null ? 0 : performance.now();
    try {
      this.writeRow(entry);
      if (this.times !== null) {
        const spent = performance.now() - t0;
        this.times.rows += spent;
        // A write inside an event's apply (its state evicted another): not that event's fold.
        if (this.eventStarted !== null) this.eventStarted += spent;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`writing suggestion ${entry.id} at revision ${entry.revision}: ${reason}`, { cause: error });
    }
  }

  private writeRow(entry: CachedSuggestion): void {
    const { state } = entry;
    const summary = suggestionSummary(state, entry.updatedAt);
    const { title, content, ...rest } = state;
    const dueAt = summary.dueAt ? toIsoInstant(summary.dueAt) : null;
    const row: SuggestionListValues = {
      id: entry.id,
      title,
      status: summary.status,
      leadDeputyId: state.leadDeputyId,
      unitIdsJson: JSON.stringify(summary.unitIds),
      dueAt,
      dueSort: dueAt ?? NO_DUE_SORT_KEY,
      keySupervised: summary.keySupervised ? 1 : 0,
      revision: entry.revision,
      submittedAt: toIsoInstant(state.submittedAt),
      updatedAt: toIsoInstant(entry.updatedAt),
      sessionId: state.sessionId,
      number: state.number ?? null,
      delegationId: state.delegationId ?? null,
    };
    this.rows.upsertRow(row);
    if (entry.writtenStatus === null) this.rows.insertText(entry.id, content);
    this.rows.upsertState(entry.id, JSON.stringify(rest));
    this.writeParties(entry, row);
    this.rows.countStatus(entry.writtenStatus, row.status);
    const facts = suggestionFacts(state, this.parts.rules);
    this.parts.supervision.write(entry.id, title, entry.writtenFacts, facts);
    entry.writtenFacts = facts;
    entry.writtenStatus = row.status;
    entry.dirty = false;
  }

  /** Party rows repeat the list's sort and filter columns: rewritten only when those or the parties change. */
  private writeParties(entry: CachedSuggestion, row: SuggestionListValues): void {
    // A delegation's head rates its suggestion, so lists it among their own.
    const deputies = [entry.state.leadDeputyId, ...entry.state.coSignerIds, ...(entry.state.delegationHeadId !== undefined ? [entry.state.delegationHeadId] : [])];
    const units = unitsEverAssigned(entry.state);
    const key = `${deputies.join(',')}|${units.join(',')}|${row.status}|${row.dueSort}|${row.keySupervised}`;
    if (key === entry.partiesKey) return;
    for (const deputyId of deputies) this.rows.upsertParty('deputy', deputyId, row);
    for (const unitId of units) this.rows.upsertParty('unit', unitId, row);
    entry.partiesKey = key;
  }
}

function byId(a: CachedSuggestion, b: CachedSuggestion): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
