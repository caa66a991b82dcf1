import type { Statement } from 'better-sqlite3';
import type { ReadModelDatabase } from '../../schema/open-read-model';

/** Statements whose text depends on the request's shape (a period's ranges): prepared once per shape. */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: ReadModelDatabase) {}

  get(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }
}
