import type { PublicSuggestionView } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import type { PublishedSuggestion, PublishedSuggestionList, PublishedSuggestionQuery } from '../disclosure/published.types';
import type { ReadModelDatabase } from '../schema/open-read-model';
import { StatementCache } from './supervision/statement-cache';

/** A public page is at most this long. */
export const MAX_PUBLIC_PAGE_SIZE = 100;

/**
 * What the public reads: only rows of published suggestions exist (the domain's public view,
 * written when published, removed when exempted), so nothing else can leave through here.
 * Names are looked up when read; a deputy hidden by request has no ids, so no names either.
 */
export class PublishedQueries {
  private readonly statements: StatementCache;
  private readonly oneStmt: Statement<[string], { view_json: string }>;
  private readonly userNameStmt: Statement<[string], { name: string }>;
  private readonly unitNameStmt: Statement<[string], { name: string }>;

  constructor(db: ReadModelDatabase) {
    this.statements = new StatementCache(db);
    this.oneStmt = db.prepare(`SELECT view_json FROM published_suggestions WHERE id = ?`);
    this.userNameStmt = db.prepare(`SELECT display_name AS name FROM users WHERE id = ?`);
    this.unitNameStmt = db.prepare(`SELECT name FROM units WHERE id = ?`);
  }

  publishedSuggestion(id: string): PublishedSuggestion | null {
    const row = this.oneStmt.get(id);
    return row ? this.withNames(JSON.parse(row.view_json) as PublicSuggestionView) : null;
  }

  /** Newest publication first; q matches title or content, % and _ taken literally. */
  publishedSuggestions(query: PublishedSuggestionQuery): PublishedSuggestionList {
    const size = Math.min(Math.max(1, Math.floor(query.pageSize)), MAX_PUBLIC_PAGE_SIZE);
    const offset = (Math.max(1, Math.floor(query.page)) - 1) * size;
    const q = query.q?.trim();
    const params: string[] = [];
    let where = '';
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where = `WHERE (p.title LIKE ? ESCAPE '\\' OR p.id IN (SELECT t.id FROM suggestion_texts t WHERE t.content LIKE ? ESCAPE '\\'))`;
      params.push(pattern, pattern);
    }
    const rows = this.statements
      .get(`SELECT p.view_json FROM published_suggestions p ${where} ORDER BY p.published_at DESC, p.id LIMIT ? OFFSET ?`)
      .all(...params, size, offset) as { view_json: string }[];
    const { total } = this.statements.get(`SELECT count(*) AS total FROM published_suggestions p ${where}`).get(...params) as { total: number };
    return { items: rows.map((row) => this.withNames(JSON.parse(row.view_json) as PublicSuggestionView)), total };
  }

  private withNames(view: PublicSuggestionView): PublishedSuggestion {
    const unitName = (id: string) => this.unitNameStmt.get(id)?.name ?? id;
    return {
      ...view,
      deputyNames: view.deputyIds === null ? null : view.deputyIds.map((id) => this.userNameStmt.get(id)?.name ?? id),
      unitNames: view.unitIds.map(unitName),
      answers: view.answers.map((a) => ({ ...a, unitName: unitName(a.unitId) })),
    };
  }
}
