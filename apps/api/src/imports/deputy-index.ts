/** A deputy as the import resolves names against. */
export interface DeputyEntry {
  id: string;
  displayName: string;
  active: boolean;
  delegationId?: string;
}

export type Resolved = { ok: true; deputy: DeputyEntry } | { ok: false; message: string };

/**
 * Deputies by login name or by name as written on paper: the login name wins (it is unique);
 * a name two deputies share must be written as the login name, so nobody is guessed.
 */
export class DeputyIndex {
  private readonly byId = new Map<string, DeputyEntry>();
  private readonly byName = new Map<string, DeputyEntry[]>();

  constructor(deputies: Iterable<DeputyEntry>) {
    for (const deputy of deputies) {
      this.byId.set(deputy.id, deputy);
      const key = normaliseName(deputy.displayName);
      const list = this.byName.get(key);
      if (list) list.push(deputy);
      else this.byName.set(key, [deputy]);
    }
  }

  resolve(written: string): Resolved {
    const byId = this.byId.get(written.toLowerCase());
    const candidates = byId ? [byId] : (this.byName.get(normaliseName(written)) ?? []);
    if (candidates.length === 0) return { ok: false, message: `找不到代表「${written}」（请填写代表的登录名或姓名）` };
    if (candidates.length > 1) {
      return { ok: false, message: `「${written}」对应 ${candidates.length} 位代表（${candidates.map((d) => d.id).join('、')}），请改填登录名` };
    }
    const deputy = candidates[0]!;
    if (!deputy.active) return { ok: false, message: `代表「${deputy.displayName}」的账号已停用` };
    return { ok: true, deputy };
  }
}

/** Names pasted from documents carry full-width or doubled spaces ("张  三"): they do not count. */
function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]/g, '');
}
