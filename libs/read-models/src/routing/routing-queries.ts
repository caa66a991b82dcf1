import type { SuggestionStatus, UnitRole } from '@duban/domain';
import { formatSuggestionNumber } from '@duban/domain/labels';
import type { Statement } from 'better-sqlite3';
import type { Viewer } from '../read-model.types';
import type { ReadModelDatabase } from '../schema/open-read-model';
import { SimilarityIndex } from './similarity-index';
import type { RoutingEvidence, RoutingOutcome, SimilarSuggestion, UnitSuggestion } from './routing.types';
import { voteUnits, type VotingNeighbour } from './unit-votes';
import { routingReason } from './routing-reason';

/** Past suggestions that vote on a ranking (k of k nearest neighbours). */
export const ROUTING_NEIGHBOURS = 15;
export const ROUTING_LIMIT = 10;
export const SIMILAR_LIMIT = 10;
/** Documents read per step while the index is built, between which the event loop runs. */
const BUILD_CHUNK = 500;
/** Documents chosen again after the build: their terms were weighted while the collection was small. */
const RESELECT_FIRST = 2_000;

interface TextRow {
  id: string;
  title: string;
  content: string;
}

interface EvidenceRow {
  suggestion_id: string;
  unit_id: string;
  role: UnitRole;
  outcome: RoutingOutcome;
  answer_category: string | null;
}

interface BriefRow {
  id: string;
  title: string;
  /** The suggestions table holds only the domain's statuses. */
  status: SuggestionStatus;
  submitted_at: string;
  number: number | null;
  /** Its session's first day (YYYY-MM-DD); null if the session is not known here. */
  session_starts_on: string | null;
}

/**
 * 智能交办 and 解决一类 over the read model: an in-memory similarity index of every suggestion's title
 * and content (built on first use from the tables, then kept current from the ids the projector
 * reports), and the routing evidence (routing_evidence) per suggestion. Who may read what is the
 * caller's check (`canView`), asked for each candidate before it is shown or named.
 */
export class RoutingQueries {
  private readonly index = new SimilarityIndex();
  private readonly evidence = new Map<string, RoutingEvidence[]>();
  private readonly dirty = new Set<string>();
  private building: Promise<void> | null = null;
  private built = false;
  /** The collection's size when every document last chose its terms again (see reselectWhileSmall). */
  private reselectedAt = 8;
  private readonly pageStmt: Statement<[string, number], TextRow>;
  private readonly textStmt: Statement<[string], TextRow>;
  private readonly allEvidenceStmt: Statement<[], EvidenceRow>;
  private readonly evidenceStmt: Statement<[string], EvidenceRow>;
  private readonly briefStmt: Statement<[string], BriefRow>;
  private readonly unitNameStmt: Statement<[string], { name: string }>;
  private readonly publishedStmt: Statement<[string], { one: number }>;

  constructor(private readonly db: ReadModelDatabase) {
    this.pageStmt = db.prepare(`
      SELECT s.id, s.title, t.content FROM suggestions s JOIN suggestion_texts t ON t.id = s.id
       WHERE s.id > ? ORDER BY s.id LIMIT ?`);
    this.textStmt = db.prepare(`SELECT s.id, s.title, t.content FROM suggestions s JOIN suggestion_texts t ON t.id = s.id WHERE s.id = ?`);
    this.allEvidenceStmt = db.prepare(`SELECT suggestion_id, unit_id, role, outcome, answer_category FROM routing_evidence`);
    this.evidenceStmt = db.prepare(`SELECT suggestion_id, unit_id, role, outcome, answer_category FROM routing_evidence WHERE suggestion_id = ?`);
    this.briefStmt = db.prepare(`
      SELECT s.id, s.title, s.status, s.submitted_at, s.number, se.starts_on AS session_starts_on
        FROM suggestions s LEFT JOIN sessions se ON se.id = s.session_id WHERE s.id = ?`);
    this.unitNameStmt = db.prepare(`SELECT name FROM units WHERE id = ?`);
    this.publishedStmt = db.prepare(`SELECT 1 AS one FROM published_suggestions WHERE id = ?`);
  }

  /** A suggestion's rows changed (the projector applied an event of it): read again before the next answer. */
  changed(suggestionId: string): void {
    this.dirty.add(suggestionId);
  }

  /** Suggestions indexed so far, and the index's typed arrays in bytes (for the operators and the bench). */
  get stats(): { documents: number; heldBytes: number; built: boolean } {
    return { documents: this.index.size, heldBytes: this.index.heldBytes, built: this.built };
  }

  /** Builds the index once (in steps, so requests keep being served meanwhile); later calls wait for the same build. */
  ready(): Promise<void> {
    if (this.built) {
      this.sync();
      return Promise.resolve();
    }
    this.building ??= this.build().then(() => {
      this.built = true;
      this.sync();
    });
    return this.building;
  }

  /** Units ranked for suggestion `id` (staff and admins only: reasons name any past suggestion). Null: no such suggestion. */
  async routing(id: string, labelOf: (id: string) => string = (other) => this.defaultLabel(other)): Promise<UnitSuggestion[] | null> {
    await this.ready();
    const text = this.textStmt.get(id);
    if (!text) return null;
    const neighbours: VotingNeighbour[] = this.index
      .nearest(documentText(text), ROUTING_NEIGHBOURS, (slot) => {
        const other = this.index.idAt(slot);
        return other !== id && this.evidence.has(other);
      })
      .map(({ slot, score }) => {
        const other = this.index.idAt(slot);
        return { id: other, score, evidence: this.evidence.get(other)! };
      });
    return voteUnits(neighbours)
      .slice(0, ROUTING_LIMIT)
      .map((vote) => {
        const unitName = this.unitName(vote.unitId);
        return { unitId: vote.unitId, unitName, score: round(vote.score), reason: routingReason(unitName, vote, labelOf) };
      });
  }

  /**
   * The suggestions most like `id` that the viewer may read (`canView`), in its session or earlier
   * (`inScope`). Null: the viewer may not read `id` itself, or it does not exist.
   */
  async similarTo(
    id: string,
    viewer: Viewer,
    canView: (viewer: Viewer, id: string) => boolean,
    inScope: (candidate: string, target: string) => boolean = (candidate, target) => this.sameOrEarlierSession(candidate, target),
  ): Promise<SimilarSuggestion[] | null> {
    if (!canView(viewer, id)) return null;
    await this.ready();
    const text = this.textStmt.get(id);
    if (!text) return null;
    return this.similar(documentText(text), (other) => other !== id && inScope(other, id) && canView(viewer, other));
  }

  /** Published suggestions like a text being written (the deputy's form; anyone may read published ones). */
  async similarPublished(text: string): Promise<SimilarSuggestion[]> {
    await this.ready();
    return this.similar(text, (other) => this.publishedStmt.get(other) !== undefined);
  }

  private similar(text: string, accept: (id: string) => boolean): SimilarSuggestion[] {
    return this.index.nearest(text, SIMILAR_LIMIT, (slot) => accept(this.index.idAt(slot))).flatMap(({ slot, score }) => {
      const brief = this.briefStmt.get(this.index.idAt(slot));
      if (!brief) return [];
      const evidence = this.evidence.get(brief.id) ?? [];
      const answered = evidence.find((e) => e.outcome === 'assigned' && e.role !== 'co' && e.category !== undefined);
      const item: SimilarSuggestion = {
        id: brief.id,
        ...(brief.number !== null ? { number: brief.number } : {}),
        title: brief.title,
        score: round(score),
        status: brief.status,
        unitNames: evidence.filter((e) => e.outcome === 'assigned').map((e) => this.unitName(e.unitId)),
      };
      if (answered?.category !== undefined) item.answerCategory = answered.category;
      return [item];
    });
  }

  /** When and in what state a suggestion is, for the caller's scope checks. */
  brief(id: string): { submittedAt: string; status: SuggestionStatus } | null {
    const row = this.briefStmt.get(id);
    return row ? { submittedAt: row.submitted_at, status: row.status } : null;
  }

  private unitName(unitId: string): string {
    return this.unitNameStmt.get(unitId)?.name ?? unitId;
  }

  /**
   * 解决一类 looks at the suggestion's own session and those before it: a later session's
   * suggestions did not exist when this one was made and handled.
   */
  private sameOrEarlierSession(candidate: string, target: string): boolean {
    const candidateStart = this.briefStmt.get(candidate)?.session_starts_on;
    const targetStart = this.briefStmt.get(target)?.session_starts_on;
    return !candidateStart || !targetStart || candidateStart <= targetStart;
  }

  /** 第0012号 once registered; a short title before (a reason must name something staff can find). */
  private defaultLabel(id: string): string {
    const brief = this.briefStmt.get(id);
    if (brief?.number != null) return formatSuggestionNumber(brief.number);
    const title = brief?.title ?? id;
    return `《${title.length > 24 ? `${title.slice(0, 23)}…` : title}》`;
  }

  private async build(): Promise<void> {
    let after = '';
    const first: string[] = [];
    for (;;) {
      const rows = this.pageStmt.all(after, BUILD_CHUNK);
      if (rows.length === 0) break;
      for (const row of rows) {
        this.index.add(row.id, documentText(row));
        if (first.length < RESELECT_FIRST) first.push(row.id);
      }
      after = rows[rows.length - 1]!.id;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (this.index.size > first.length) {
      for (const id of first) {
        const row = this.textStmt.get(id);
        if (row) this.index.reselect(id, documentText(row));
      }
    }
    this.reselectedAt = Math.max(this.reselectedAt, this.index.size);
    this.evidence.clear();
    for (const row of this.allEvidenceStmt.iterate()) this.addEvidence(row);
  }

  /** Brings in what the projector applied since the last answer (a handful of ids per request). */
  private sync(): void {
    for (const id of this.dirty) {
      if (!this.index.has(id)) {
        const row = this.textStmt.get(id);
        if (row) this.index.add(id, documentText(row));
      }
      this.evidence.delete(id);
      for (const row of this.evidenceStmt.all(id)) this.addEvidence(row);
    }
    this.dirty.clear();
    this.reselectWhileSmall();
  }

  /**
   * A small installation's first suggestions chose their terms among very few others: each time
   * the collection doubles (up to RESELECT_FIRST documents) every one chooses again, so the
   * earliest are not judged by the words they shared with two or three others.
   */
  private reselectWhileSmall(): void {
    const size = this.index.size;
    if (size < 2 * this.reselectedAt || this.reselectedAt > RESELECT_FIRST) return;
    for (let slot = 0; slot < size; slot++) {
      const id = this.index.idAt(slot);
      const row = this.textStmt.get(id);
      if (row) this.index.reselect(id, documentText(row));
    }
    this.reselectedAt = size;
  }

  private addEvidence(row: EvidenceRow): void {
    const list = this.evidence.get(row.suggestion_id) ?? [];
    const evidence: RoutingEvidence = { unitId: row.unit_id, role: row.role, outcome: row.outcome };
    if (row.answer_category !== null) evidence.category = row.answer_category;
    list.push(evidence);
    this.evidence.set(row.suggestion_id, list);
  }
}

/** The title counts twice: it is the suggestion's own summary of what it is about. */
export function documentText(row: { title: string; content: string }): string {
  return `${row.title}\n${row.title}\n${row.content}`;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
