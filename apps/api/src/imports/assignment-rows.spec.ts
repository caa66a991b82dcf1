import { checkAssignmentRow, parseSuggestionNumber, UnitIndex } from './assignment-rows';

const units = new UnitIndex([
  { id: 'traffic', name: '市交通运输局' },
  { id: 'housing', name: '市住房和城乡建设局' },
]);

function row(cells: Partial<Record<'number' | 'units' | 'mode' | 'leadUnit', string>>) {
  return { row: 3, cells: { number: '12', units: '市交通运输局', mode: '单独办理', leadUnit: '', ...cells } };
}

describe('assignment plan rows', () => {
  it('reads numbers as typed or as the web shows them', () => {
    expect(['123', '0123', '第0123号', '第 12 号'].map(parseSuggestionNumber)).toEqual([123, 123, 123, 12]);
    expect(['', '0', '12a', '-3', '1.5'].map(parseSuggestionNumber)).toEqual([null, null, null, null, null]);
  });

  it('takes unit names or ids and the mode in Chinese', () => {
    expect(checkAssignmentRow(row({ units: '市交通运输局、housing', mode: '主办协办', leadUnit: '市交通运输局' }), units)).toEqual({
      row: 3,
      number: 12,
      mode: 'lead',
      unitIds: ['traffic', 'housing'],
      leadUnitId: 'traffic',
    });
  });

  it('reports each problem with its column', () => {
    expect(checkAssignmentRow(row({ number: 'x', units: '市教育局', mode: '随便' }), units)).toEqual([
      { row: 3, column: '编号', message: expect.stringContaining('编号「x」无效') },
      { row: 3, column: '办理方式', message: expect.stringContaining('办理方式「随便」无效') },
      { row: 3, column: '承办单位', message: '找不到承办单位「市教育局」' },
    ]);
    expect(checkAssignmentRow(row({ units: 'traffic、housing', mode: '主办+协办' }), units)).toEqual([{ row: 3, column: '主办单位', message: '主办协办方式须填写主办单位' }]);
    expect(checkAssignmentRow(row({ units: 'traffic、housing' }), units)).toEqual([{ row: 3, column: '承办单位', message: '单独办理只能有一个承办单位' }]);
  });
});
