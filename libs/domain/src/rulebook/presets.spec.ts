import { getRulebook } from './get-rulebook';
import { NATIONAL_RULEBOOK, RULEBOOK_IDS, RULEBOOKS } from './presets';
import { CITED_RULEBOOK_KEYS, Period, Rulebook } from './rulebook';
import { describePeriod, toRulebookView } from './rulebook-view';

const periodKeys = [
  'assignWithin',
  'answerWithin',
  'extendedAnswerMax',
  'returnWithin',
  'coOpinionWithin',
  'contactWithin',
  'feedbackWithin',
  'rehandlingWithin',
  'remindBefore',
] as const;

const short = (p: Period | null): string => (p ? `${p.amount}${p.unit}` : 'none');

/** The periods where a preset differs from the national defaults. */
function differences(rulebook: Rulebook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of periodKeys) {
    if (short(rulebook[key]) !== short(NATIONAL_RULEBOOK[key])) out[key] = short(rulebook[key]);
  }
  return out;
}

describe('rulebook presets', () => {
  it('has the national defaults of DOMAIN.md, with no contact deadline (代表法 第五十一条 sets none)', () => {
    const r = getRulebook('national');
    expect(Object.fromEntries(periodKeys.map((k) => [k, short(r[k])]))).toEqual({
      assignWithin: '10wd',
      answerWithin: '3m',
      extendedAnswerMax: '6m',
      returnWithin: '10wd',
      coOpinionWithin: '1m',
      contactWithin: 'none',
      feedbackWithin: '15wd',
      rehandlingWithin: '1m',
      remindBefore: '3wd',
    });
    expect(describePeriod(r.contactWithin)).toBe('未规定期限');
  });

  it.each([
    ['shanghai', { returnWithin: '7wd', assignWithin: '7wd' }],
    ['shandong', { returnWithin: '5d', assignWithin: '5d' }],
    ['qingdao', { returnWithin: '5wd', assignWithin: '5wd' }],
    ['henan', { coOpinionWithin: '2m', feedbackWithin: '10wd' }],
    ['zhejiang', { coOpinionWithin: '2m', returnWithin: '10d' }],
    ['chongqing', { coOpinionWithin: '30wd', feedbackWithin: '20wd', rehandlingWithin: '2m', contactWithin: '20wd' }],
    ['sichuan', { rehandlingWithin: '3m' }],
    ['beijing', { rehandlingWithin: '2m' }],
    ['hunan', {}],
  ])('%s overrides only what its text names', (id, expected) => {
    const r = getRulebook(id);
    expect(r.id).toBe(id);
    expect(differences(r)).toEqual(expected);
  });

  it('says in its sources that Hunan runs on the national defaults', () => {
    expect(getRulebook('hunan').sources.join('\n')).toMatch(/全国默认值/);
  });

  it('has the four national answer categories; B and C require commitments', () => {
    expect(NATIONAL_RULEBOOK.answerCategories).toEqual([
      { code: 'A', label: '已经解决或者基本解决', requiresCommitments: false },
      { code: 'B', label: '正在解决或者列入规划逐步解决', requiresCommitments: true },
      { code: 'C', label: '因目前条件限制需待以后解决', requiresCommitments: true },
      { code: 'D', label: '留作参考', requiresCommitments: false },
    ]);
  });

  it('lists every preset id and refuses an unknown one, naming the valid ids', () => {
    expect([...RULEBOOK_IDS].sort()).toEqual(Object.keys(RULEBOOKS).sort());
    expect(() => getRulebook('guangdong')).toThrow(/unknown rulebook "guangdong".*national, shanghai, shandong/);
  });
});

describe('every value of every preset carries its citation', () => {
  it.each([...RULEBOOK_IDS])('%s: each value has at least one citation, an article of a stored text or a default with a note', (id) => {
    const r = getRulebook(id);
    for (const key of CITED_RULEBOOK_KEYS) {
      const citations = r.citations[key];
      expect({ key, count: citations.length > 0 }).toEqual({ key, count: true });
      for (const c of citations) {
        if ('file' in c) expect(c.article).toMatch(/^第[一二三四五六七八九十百]+条$/);
        else expect(c.note.length).toBeGreaterThan(0);
      }
    }
  });

  it('the national preset calls only the 3 and 6 months and the contact duty 代表法; the rest are defaults', () => {
    const r = getRulebook('national');
    const statutory = CITED_RULEBOOK_KEYS.filter((k) => r.citations[k].some((c) => 'file' in c));
    expect(statutory.sort()).toEqual(['answerWithin', 'contactBeforeAnswer', 'contactWithin', 'extendedAnswerMax']);
    expect(r.name).not.toMatch(/代表法默认/);
    expect(r.name).toMatch(/默认值/);
  });

  it('the national preset warns, not blocks, an answer without contact: 代表法 第五十一条 makes contact a duty, not a condition of the answer', () => {
    const r = getRulebook('national');
    expect(r.contactBeforeAnswer).toBe('warn');
    const [statute, reading] = r.citations.contactBeforeAnswer;
    expect(statute).toMatchObject({ file: expect.stringContaining('代表法'), article: '第五十一条' });
    expect(statute).toHaveProperty('note', expect.stringMatching(/职责.*未规定未经联系的答复无效.*只提示不拦截/));
    expect(reading).toMatchObject({ default: true, note: expect.stringMatching(/不拦截/) });
    // The 办理规则 page reads the same: the rule in words and its reasoned citation.
    const row = toRulebookView(r).rules.find((v) => v.key === 'contactBeforeAnswer')!;
    expect(row.label).toMatch(/^提示不拦截/);
    expect(row.citations[0]).toMatchObject({ title: expect.stringContaining('代表法'), note: expect.stringContaining('地方预设拦截') });
    // Where the preset blocks, a local article says so beside the statute.
    for (const id of RULEBOOK_IDS.filter((i) => getRulebook(i).contactBeforeAnswer === 'block')) {
      const local = getRulebook(id).citations.contactBeforeAnswer.filter((c) => 'file' in c && !c.file.includes('代表法'));
      expect({ id, local: local.length > 0 }).toEqual({ id, local: true });
    }
  });

  it('marks Hunan and Sichuan as unsourced, and no other preset', () => {
    expect(RULEBOOK_IDS.filter((id) => getRulebook(id).unsourced).sort()).toEqual(['hunan', 'sichuan']);
  });

  it('cites only files that exist in shared/docs/regulations', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { existsSync } = require('node:fs') as typeof import('node:fs');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { join } = require('node:path') as typeof import('node:path');
    // The texts sit beside the repository (../shared from /work/main, ../../shared from a worktree).
    const root = join(__dirname, '../../../..');
    const dir = [join(root, '../shared/docs/regulations'), join(root, '../../shared/docs/regulations')].find((d) => existsSync(d));
    if (!dir) {
      console.log(`regulation texts not found beside ${root}: file names not checked`);
      return;
    }
    for (const id of RULEBOOK_IDS) {
      for (const c of Object.values(getRulebook(id).citations).flat()) {
        if ('file' in c) expect({ file: c.file, exists: existsSync(join(dir, c.file)) }).toEqual({ file: c.file, exists: true });
      }
    }
  });
});
