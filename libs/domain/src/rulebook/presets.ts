import { NATIONAL_ANSWER_CATEGORIES } from './answer-categories';
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

/** National defaults (DOMAIN.md): the statute where it speaks, local practice where it does not. */
export const NATIONAL_RULEBOOK: Rulebook = {
  id: 'national',
  name: '全国（代表法默认）',
  assignWithin: wd(10),
  answerWithin: m(3),
  extendedAnswerMax: m(6),
  returnWithin: wd(10),
  coOpinionWithin: m(1),
  contactWithin: wd(20),
  feedbackWithin: wd(15),
  rehandlingWithin: m(1),
  remindBefore: wd(3),
  answerCategories: NATIONAL_ANSWER_CATEGORIES,
  ...NATIONAL_CLOCK_RULES,
  sources: [
    '代表法（2025年修正）第五十一条：自交办之日起三个月内答复；涉及面广、处理难度大的，最长六个月',
    '北京市规定第二十一条：延期答复须经批准',
    '北京市规定：代表反馈期限十五个工作日',
    '浙江省、河南省、重庆市规定：申请退回十个工作日内',
    '上海市、山东省、青岛市规定：协办意见一个月内',
    '重庆市规定第十八条：二十个工作日内联系代表',
    '上海市规定第二十一条，山东省、河南省、浙江省规定：不满意的重新办理，一个月内再次答复',
    '重庆市规定：交办十个工作日内（工作目标）',
  ],
  // Answer letters: no regulation text loaded here requires a letter file with every answer.
  answerRequiresLetter: false,
};

type Overrides = Partial<Omit<Rulebook, 'id' | 'name' | 'sources' | 'answerCategories'>>;

/** A jurisdiction differs from the national defaults only where its own rules say so. */
function preset(id: RulebookId, name: string, overrides: Overrides, sources: string[]): Rulebook {
  return { ...NATIONAL_RULEBOOK, ...overrides, ...clockRulesOf(id), id, name, sources: [...sources, '其余期限采用全国默认值'] };
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
  zhejiang: preset('zhejiang', '浙江省', { coOpinionWithin: m(2) }, ['浙江省规定：协办意见两个月内']),
  chongqing: preset('chongqing', '重庆市', { coOpinionWithin: wd(30), feedbackWithin: wd(20), rehandlingWithin: m(2) }, [
    '重庆市规定：协办意见三十个工作日内；代表反馈二十个工作日内；不满意的重新办理，两个月内再次答复',
  ]),
  sichuan: preset('sichuan', '四川省', { rehandlingWithin: m(3) }, ['四川省规定：不满意的重新办理，三个月内再次答复']),
  beijing: preset('beijing', '北京市', {}, [
    '北京市规定第二十一条：延期答复须经批准；代表反馈期限十五个工作日（与全国默认值相同）',
  ]),
  hunan: preset('hunan', '湖南省', {}, [
    '未找到湖南省代表建议办理规定的公开文本：在录入本省数值之前，全部采用全国默认值',
  ]),
};
