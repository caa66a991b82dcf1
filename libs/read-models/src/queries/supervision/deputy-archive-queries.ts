import type { DueRules, Role, Rulebook } from '@duban/domain';
import type { Statement } from 'better-sqlite3';
import { toIsoInstant } from '../../projection/iso-instant';
import type { UserRow } from '../../read-model.types';
import type { ReadModelDatabase } from '../../schema/open-read-model';
import type { DeputyArchive } from '../../supervision/supervision.types';
import { toListItem, type ListRow } from '../list-row';
import { LIST_COLUMNS } from '../suggestion-list-sql';

interface OutcomeRow {
  answered: number;
  rated: number;
  satisfied: number;
  dissatisfied: number;
  cat_a: number;
  cat_b: number;
  cat_c: number;
  cat_d: number;
  cat_e: number;
}

/** 履职档案: a deputy's suggestions (led or co-signed) and what came of them, from the handling rows. */
export class DeputyArchiveQueries {
  private readonly suggestionsStmt: Statement<[string], ListRow>;
  private readonly outcomesStmt: Statement<[string], OutcomeRow>;
  private readonly userStmt: Statement<[string], { id: string; display_name: string; role: Role; unit_id: string | null }>;

  constructor(
    db: ReadModelDatabase,
    private readonly dueRules: DueRules & { rulebook: Pick<Rulebook, 'remindBefore' | 'answerCategories'> },
  ) {
    this.suggestionsStmt = db.prepare(`
      SELECT ${LIST_COLUMNS} FROM parties p JOIN suggestions s ON s.id = p.suggestion_id
       WHERE p.kind = 'deputy' AND p.party_id = ?
       ORDER BY p.due_sort, p.submitted_at DESC, p.suggestion_id`);
    this.outcomesStmt = db.prepare(`
      SELECT count(DISTINCT CASE WHEN h.answered = 1 THEN h.suggestion_id END) AS answered,
             coalesce(sum(h.rated), 0) AS rated, coalesce(sum(h.satisfied), 0) AS satisfied,
             coalesce(sum(h.dissatisfied), 0) AS dissatisfied,
             coalesce(sum(h.cat_a), 0) AS cat_a, coalesce(sum(h.cat_b), 0) AS cat_b,
             coalesce(sum(h.cat_c), 0) AS cat_c, coalesce(sum(h.cat_d), 0) AS cat_d,
             coalesce(sum(h.cat_e), 0) AS cat_e
        FROM parties p JOIN unit_handlings h ON h.suggestion_id = p.suggestion_id
       WHERE p.kind = 'deputy' AND p.party_id = ?`);
    this.userStmt = db.prepare(`SELECT id, display_name, role, unit_id FROM users WHERE id = ?`);
  }

  deputyArchive(deputyId: string, now: string): DeputyArchive {
    const at = toIsoInstant(now);
    const suggestions = this.suggestionsStmt.all(deputyId).map((row) => toListItem(row, at, this.dueRules));
    const o = this.outcomesStmt.get(deputyId)!;
    const led = suggestions.filter((s) => s.deputyId === deputyId).length;
    const user = this.userStmt.get(deputyId);
    const deputy: UserRow | null = user ? { id: user.id, displayName: user.display_name, role: user.role, ...(user.unit_id !== null ? { unitId: user.unit_id } : {}) } : null;
    return {
      deputy,
      suggestions,
      outcomes: {
        submitted: suggestions.length,
        led,
        coSigned: suggestions.length - led,
        answered: o.answered,
        rated: o.rated,
        satisfied: o.satisfied,
        dissatisfied: o.dissatisfied,
        byCategory: deputyCategories(o, this.dueRules.rulebook.answerCategories.map((c) => c.code)),
      },
    };
  }
}

/** A–D always (the archive's older readers expect them), then the scheme's other codes (河南's E), then any other code answered. */
function deputyCategories(o: OutcomeRow, schemeCodes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = { A: o.cat_a, B: o.cat_b, C: o.cat_c, D: o.cat_d, E: o.cat_e };
  const out: Record<string, number> = { A: o.cat_a, B: o.cat_b, C: o.cat_c, D: o.cat_d };
  for (const code of schemeCodes) if (!(code in out)) out[code] = counts[code] ?? 0;
  if (o.cat_e > 0) out.E = o.cat_e;
  return out;
}
