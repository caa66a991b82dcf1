import { getRulebook } from './get-rulebook';
import { NATIONAL_RULEBOOK, RULEBOOK_IDS, RULEBOOKS } from './presets';
import { Rulebook } from './rulebook';

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

/** The periods where a preset differs from the national defaults. */
function differences(rulebook: Rulebook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of periodKeys) {
    const p = rulebook[key];
    const n = NATIONAL_RULEBOOK[key];
    if (p.amount !== n.amount || p.unit !== n.unit) out[key] = `${p.amount}${p.unit}`;
  }
  return out;
}

describe('rulebook presets', () => {
  it('has the national defaults of DOMAIN.md', () => {
    const r = getRulebook('national');
    expect(
      Object.fromEntries(periodKeys.map((k) => [k, `${r[k].amount}${r[k].unit}`])),
    ).toEqual({
      assignWithin: '10wd',
      answerWithin: '3m',
      extendedAnswerMax: '6m',
      returnWithin: '10wd',
      coOpinionWithin: '1m',
      contactWithin: '20wd',
      feedbackWithin: '15wd',
      rehandlingWithin: '1m',
      remindBefore: '3wd',
    });
  });

  it.each([
    ['shanghai', { returnWithin: '7wd', assignWithin: '7wd' }],
    ['shandong', { returnWithin: '5d', assignWithin: '5d' }],
    ['qingdao', { returnWithin: '5wd', assignWithin: '5wd' }],
    ['henan', { coOpinionWithin: '2m', feedbackWithin: '10wd' }],
    ['zhejiang', { coOpinionWithin: '2m' }],
    ['chongqing', { coOpinionWithin: '30wd', feedbackWithin: '20wd', rehandlingWithin: '2m' }],
    ['sichuan', { rehandlingWithin: '3m' }],
    ['beijing', {}],
    ['hunan', {}],
  ])('%s overrides only what DOMAIN.md names', (id, expected) => {
    const r = getRulebook(id);
    expect(r.id).toBe(id);
    expect(differences(r)).toEqual(expected);
    expect(r.answerCategories).toBe(NATIONAL_RULEBOOK.answerCategories);
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
