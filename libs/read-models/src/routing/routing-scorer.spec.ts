import { termCounts } from './char-ngrams';
import { routingReason } from './routing-reason';
import { SimilarityIndex } from './similarity-index';
import { voteUnits, type VotingNeighbour } from './unit-votes';

const BOILERPLATE = '关于进一步加强工作的建议。近年来，我市高度重视此项工作，取得了一定成效，但仍存在一些问题。为此，建议：';

function corpus(): SimilarityIndex {
  const index = new SimilarityIndex();
  index.add('bus', `关于优化公交线路的建议 ${BOILERPLATE} 公交线路重复、公交站点间距过大，地铁接驳不便。`);
  index.add('metro', `关于地铁接驳公交的建议 ${BOILERPLATE} 地铁站出口缺少公交接驳，停车换乘不便。`);
  index.add('school', `关于增加学位供给的建议 ${BOILERPLATE} 学位紧张，校舍老旧，教师编制不足。`);
  index.add('clinic', `关于社区卫生服务中心建设的建议 ${BOILERPLATE} 家庭医生签约、社区卫生服务中心药品不足。`);
  return index;
}

describe('character n-grams', () => {
  it('counts bigrams and trigrams, never across punctuation', () => {
    const counts = termCounts('公交，地铁');
    // 公交 and 地铁 only: the comma separates, so no 交地 and no trigram.
    expect(counts.size).toBe(2);
    expect(termCounts('公交线').size).toBe(3); // 公交, 交线, 公交线
  });
});

describe('the similarity index', () => {
  it('finds the suggestions on the same subject, not those sharing only boilerplate', () => {
    const index = corpus();
    const found = index.nearest(`关于公交线路和地铁接驳的建议 ${BOILERPLATE} 公交线路绕行，地铁站缺少接驳公交。`, 10, () => true);
    const ids = found.map((n) => index.idAt(n.slot));
    expect(ids.slice(0, 2).sort()).toEqual(['bus', 'metro']);
    expect(ids).not.toContain('school');
    expect(found[0]!.score).toBeGreaterThan(0.2);
    expect(found[0]!.score).toBeLessThanOrEqual(1);
  });

  it('gives "关于…的建议" and other words of every suggestion no weight', () => {
    const index = corpus();
    expect(index.nearest(`关于的建议 ${BOILERPLATE}`, 10, () => true)).toEqual([]);
  });

  it('asks accept best first and stops at the limit', () => {
    const index = corpus();
    const asked: string[] = [];
    const found = index.nearest('公交线路 地铁接驳 公交站点', 1, (slot) => {
      asked.push(index.idAt(slot));
      return index.idAt(slot) !== 'bus';
    }, 0);
    expect(asked[0]).toBe('bus');
    expect(found.map((n) => index.idAt(n.slot))).toEqual(['metro']);
  });

  it('adds a document once and keeps a bounded number of terms', () => {
    const index = new SimilarityIndex();
    const slot = index.add('long', '交通'.repeat(10) + [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'].join('与').repeat(20));
    expect(index.add('long', 'other text')).toBe(slot);
    expect(index.size).toBe(1);
  });
});

describe('units voted for by the nearest past suggestions', () => {
  const n = (id: string, score: number, ...evidence: VotingNeighbour['evidence']): VotingNeighbour => ({ id, score, evidence });

  it('ranks the unit most similar past suggestions went to first', () => {
    const votes = voteUnits([
      n('a', 0.8, { unitId: 'traffic', role: 'sole', outcome: 'assigned' }),
      n('b', 0.6, { unitId: 'traffic', role: 'lead', outcome: 'assigned' }, { unitId: 'housing', role: 'co', outcome: 'assigned' }),
      n('c', 0.3, { unitId: 'education', role: 'sole', outcome: 'assigned' }),
    ]);
    expect(votes.map((v) => v.unitId)).toEqual(['traffic', 'education', 'housing']);
    expect(votes[0]!.score).toBeCloseTo(1.4 / 1.7);
    expect(votes[0]!.support.map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('counts an approved return against the unit that returned', () => {
    const before = voteUnits([n('a', 0.8, { unitId: 'traffic', role: 'sole', outcome: 'assigned' }), n('b', 0.5, { unitId: 'housing', role: 'sole', outcome: 'assigned' })]);
    const after = voteUnits([
      n('a', 0.8, { unitId: 'traffic', role: 'sole', outcome: 'assigned' }),
      n('b', 0.5, { unitId: 'housing', role: 'sole', outcome: 'assigned' }),
      n('r', 0.7, { unitId: 'traffic', role: 'sole', outcome: 'returned' }, { unitId: 'housing', role: 'sole', outcome: 'assigned' }),
    ]);
    expect(before[0]!.unitId).toBe('traffic');
    expect(after[0]!.unitId).toBe('housing');
    expect(after.find((v) => v.unitId === 'traffic')?.against.map((a) => a.id)).toEqual(['r']);
  });

  it('leaves out a unit whose returns outweigh its assignments', () => {
    const votes = voteUnits([n('a', 0.3, { unitId: 'traffic', role: 'sole', outcome: 'assigned' }), n('r', 0.7, { unitId: 'traffic', role: 'sole', outcome: 'returned' })]);
    expect(votes).toEqual([]);
  });

  it('says why, with numbers when every named suggestion has one', () => {
    const [vote] = voteUnits([n('x', 0.9, { unitId: 't', role: 'sole', outcome: 'assigned' }), n('y', 0.8, { unitId: 't', role: 'sole', outcome: 'assigned' })]);
    const numbers: Record<string, string> = { x: '第12号', y: '第37号' };
    expect(routingReason('市交通运输局', vote!, (id) => numbers[id]!)).toBe('与已交办给市交通运输局的第12、37号建议相似');
    expect(routingReason('市交通运输局', vote!, (id) => `《${id}》`)).toBe('与已交办给市交通运输局的《x》、《y》建议相似');
  });
});
