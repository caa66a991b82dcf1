import { DeputyIndex } from './deputy-index';
import { checkSuggestionRow } from './suggestion-rows';

const deputies = new DeputyIndex([
  { id: 'zhangsan', displayName: '张三', active: true, delegationId: 'd-east' },
  { id: 'lisi', displayName: '李四', active: true },
  { id: 'wangwu', displayName: '王五', active: true },
  { id: 'zhangwei1', displayName: '张伟', active: true },
  { id: 'zhangwei2', displayName: '张伟', active: true },
  { id: 'gone', displayName: '赵六', active: false },
]);
const delegations = { idOf: (name: string) => (name === '东城代表团' ? 'd-east' : name === '西城代表团' ? 'd-west' : null) };

function row(cells: Partial<Record<'title' | 'content' | 'leadDeputy' | 'coSigners' | 'delegation' | 'hideName', string>>) {
  return { row: 7, cells: { title: '标题', content: '内容', leadDeputy: '张三', coSigners: '', delegation: '', hideName: '', ...cells } };
}

describe('checkSuggestionRow', () => {
  it('resolves deputies by login name or name, co-signers split by 、 or ，', () => {
    expect(checkSuggestionRow(row({ leadDeputy: 'zhangsan', coSigners: '李四、wangwu，zhangwei1', hideName: '是', delegation: '东城代表团' }), deputies, delegations)).toEqual({
      row: 7,
      title: '标题',
      content: '内容',
      leadDeputyId: 'zhangsan',
      coSignerIds: ['lisi', 'wangwu', 'zhangwei1'],
      hideDeputyName: true,
      delegationId: 'd-east',
    });
  });

  it('reports every problem of the row with its column', () => {
    const errors = checkSuggestionRow(
      row({ title: ' ', content: 'x'.repeat(20001), leadDeputy: '张伟', coSigners: '李四、无名氏、赵六、李四', delegation: '西城代表团', hideName: '也许' }),
      deputies,
      delegations,
    );
    expect(errors).toEqual([
      { row: 7, column: '标题', message: '标题不能为空' },
      { row: 7, column: '内容', message: '内容不能超过 20000 个字符' },
      { row: 7, column: '领衔代表', message: expect.stringContaining('对应 2 位代表') },
      { row: 7, column: '附议代表', message: expect.stringContaining('找不到代表「无名氏」') },
      { row: 7, column: '附议代表', message: '代表「赵六」的账号已停用' },
      { row: 7, column: '附议代表', message: '附议代表「李四」重复' },
      { row: 7, column: '公开时隐去姓名', message: expect.stringContaining('是 或 否') },
    ]);
  });

  it('refuses the lead as co-signer, two leads, and a delegation the lead is not in', () => {
    expect(checkSuggestionRow(row({ coSigners: 'zhangsan' }), deputies, delegations)).toEqual([
      { row: 7, column: '附议代表', message: '「zhangsan」是领衔代表，不能同时作为附议代表' },
    ]);
    expect(checkSuggestionRow(row({ leadDeputy: '张三、李四' }), deputies, delegations)).toEqual([{ row: 7, column: '领衔代表', message: expect.stringContaining('只能有一位') }]);
    expect(checkSuggestionRow(row({ delegation: '西城代表团' }), deputies, delegations)).toEqual([
      { row: 7, column: '代表团', message: '领衔代表不属于代表团「西城代表团」' },
    ]);
    expect(checkSuggestionRow(row({ delegation: '南城代表团' }), deputies, delegations)).toEqual([{ row: 7, column: '代表团', message: '找不到代表团「南城代表团」' }]);
  });
});
