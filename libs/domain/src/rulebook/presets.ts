import { HandlingRules, LOCAL_RULES, NATIONAL_RULES } from './handling-rules';
import { Period, Rulebook } from './rulebook';
import { clockRulesOf, NATIONAL_CLOCK_RULES } from './clock-rules';

const wd = (amount: number): Period => ({ amount, unit: 'wd' });
const d = (amount: number): Period => ({ amount, unit: 'd' });
const m = (amount: number): Period => ({ amount, unit: 'm' });

export const RULEBOOK_IDS = [
  'national',
  'shanghai',
  'shandong',
  'qingdao',
  'henan',
  'zhejiang',
  'chongqing',
  'sichuan',
  'beijing',
  'hunan',
] as const;
export type RulebookId = (typeof RULEBOOK_IDS)[number];

/**
 * National defaults (DOMAIN.md): the statute where it speaks (3 and 6 months, contact with the
 * deputy), defaults from local practice where it does not; its name says so.
 */
export const NATIONAL_RULEBOOK: Rulebook = {
  id: 'national',
  name: '全国默认（答复期限依代表法，其余为默认值）',
  assignWithin: wd(10),
  answerWithin: m(3),
  extendedAnswerMax: m(6),
  returnWithin: wd(10),
  coOpinionWithin: m(1),
  // 代表法 第五十一条 requires contact but sets no deadline; only 重庆 第十八条 does.
  contactWithin: null,
  feedbackWithin: wd(15),
  rehandlingWithin: m(1),
  remindBefore: wd(3),
  ...NATIONAL_CLOCK_RULES,
  sources: [
    '代表法（2025年修正）第五十一条：自交办之日起三个月内答复；涉及面广、处理难度大的，最长六个月；与代表联系沟通',
    '其余期限和规则为默认值（参考地方规定），不是代表法的规定；各项出处见 citations',
  ],
  // Answer letters: no regulation text loaded here requires a letter file with every answer.
  answerRequiresLetter: false,
  ...NATIONAL_RULES,
};

type Overrides = Partial<Omit<Rulebook, 'id' | 'name' | 'sources' | keyof HandlingRules>>;

/**
 * A jurisdiction differs from the national defaults only where its own rules say so: its periods
 * here, its other handling rules and every citation in handling-rules.ts (a value it does not cite
 * keeps the national citation, default or statute).
 */
function preset(id: RulebookId, name: string, overrides: Overrides, sources: string[]): Rulebook {
  const rules: HandlingRules = LOCAL_RULES[id as Exclude<RulebookId, 'national'>];
  return {
    ...NATIONAL_RULEBOOK,
    ...overrides,
    ...rules,
    ...clockRulesOf(id),
    citations: { ...NATIONAL_RULEBOOK.citations, ...rules.citations },
    id,
    name,
    sources: [...sources, '其余期限采用全国默认值'],
  };
}

export const RULEBOOKS: Readonly<Record<RulebookId, Rulebook>> = {
  national: NATIONAL_RULEBOOK,
  shanghai: preset('shanghai', '上海市', { returnWithin: wd(7), assignWithin: wd(7) }, [
    '上海市规定：申请退回七个工作日内；交办七个工作日内',
    '上海市规定：延期答复须书面报告并告知代表',
  ]),
  shandong: preset('shandong', '山东省', { returnWithin: d(5), assignWithin: d(5) }, [
    '山东省规定：申请退回五日内；交办五日内',
  ]),
  qingdao: preset('qingdao', '青岛市', { returnWithin: wd(5), assignWithin: wd(5) }, [
    '青岛市规定：申请退回五个工作日内；交办五个工作日内',
  ]),
  henan: preset('henan', '河南省', { coOpinionWithin: m(2), feedbackWithin: wd(10) }, [
    '河南省规定：协办意见两个月内；代表反馈十个工作日内',
  ]),
  // 浙江 第十四条 "收到之日起十日内": calendar days, not working days.
  zhejiang: preset('zhejiang', '浙江省', { coOpinionWithin: m(2), returnWithin: d(10) }, ['浙江省规定：协办意见两个月内；申请退回十日内']),
  chongqing: preset('chongqing', '重庆市', { coOpinionWithin: wd(30), feedbackWithin: wd(20), rehandlingWithin: m(2), contactWithin: wd(20) }, [
    '重庆市规定：协办意见三十个工作日内；二十个工作日内联系代表；代表反馈二十个工作日内；重新办理两个月内再次答复',
  ]),
  sichuan: preset('sichuan', '四川省（未核实）', { rehandlingWithin: m(3) }, ['四川省人民政府2024年办法（未收入规定文本）：不满意的重新办理，三个月内再次答复；数值未经省人大规定核实']),
  // 北京 第二十七条: re-handling answers within two months.
  beijing: preset('beijing', '北京市', { rehandlingWithin: m(2) }, [
    '北京市条例第二十一条：延期答复须经交办机关同意；第二十三条：代表反馈十五个工作日；第二十七条：重新办理二个月内答复',
  ]),
  hunan: preset('hunan', '湖南省（未核实）', {}, [
    '未找到湖南省代表建议办理规定的公开文本：在录入本省数值之前，全部采用全国默认值',
  ]),
};
