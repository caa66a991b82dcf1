import {
  CHONGQING_ANSWER_CATEGORIES,
  HENAN_ANSWER_CATEGORIES,
  NATIONAL_ANSWER_CATEGORIES,
  QINGDAO_ANSWER_CATEGORIES,
  SHANDONG_ANSWER_CATEGORIES,
  SHANGHAI_ANSWER_CATEGORIES,
} from './answer-categories';
import { REGULATION_FILES, RegulationKey } from './regulation-files';
import { Citation, Rulebook, RulebookCitations } from './rulebook';

/** The handling rules a preset sets besides its periods, with the citation of every value. */
export type HandlingRules = Pick<
  Rulebook,
  'answerCategories' | 'rehandling' | 'contactBeforeAnswer' | 'coOpinionsBeforeLeadAnswer' | 'extension' | 'withdrawal' | 'commitmentFulfilmentRating' | 'unsourced'
> & { citations: Partial<RulebookCitations> };

const art = (key: RegulationKey, article: string, note?: string): Citation => ({
  file: REGULATION_FILES[key],
  article,
  ...(note ? { note } : {}),
});
const byDefault = (note: string): Citation => ({ default: true, note });

/**
 * Why the national preset warns rather than blocks (the lead's reading of 代表法 第五十一条): the
 * article makes contacting the deputy a duty of the handling unit, but does not make an answer given
 * without it void; the local regulations that tie contact to answering are the ones that block.
 */
export const NATIONAL_CONTACT_NOTE =
  '与代表联系沟通是承办单位的办理职责，但本条未规定未经联系的答复无效或不得答复，故全国预设只提示不拦截；规定答复前应当与代表联系的地方条文，由地方预设拦截';

/**
 * National defaults. Only the 3 and 6 months (and the duty to contact the deputy) are the statute's
 * (代表法 第五十一条); everything else is a default taken from local practice, and says so.
 */
export const NATIONAL_RULES: HandlingRules & { citations: RulebookCitations } = {
  answerCategories: NATIONAL_ANSWER_CATEGORIES,
  rehandling: { trigger: 'automatic', maxRounds: null },
  contactBeforeAnswer: 'warn',
  coOpinionsBeforeLeadAnswer: 'warn',
  extension: { approval: 'staff', tellDeputy: false },
  withdrawal: { onlyBeforeAssignment: false, coSignersMustAgree: false },
  commitmentFulfilmentRating: false,
  unsourced: false,
  citations: {
    assignWithin: [byDefault('默认值，无全国性条文；取自重庆条例第十三条（闭会期间十个工作日内交办）')],
    answerWithin: [art('law', '第五十一条')],
    extendedAnswerMax: [art('law', '第五十一条')],
    returnWithin: [byDefault('默认值，无全国性条文；参考河南办法第十四条、重庆条例第十六条（十个工作日）')],
    coOpinionWithin: [byDefault('默认值，无全国性条文；参考上海规定第十七条、山东条例第二十一条、青岛条例第二十四条（一个月）')],
    contactWithin: [art('law', '第五十一条', '要求与代表联系沟通，未规定期限')],
    feedbackWithin: [byDefault('默认值，无全国性条文；参考北京条例第二十三条（十五个工作日）')],
    rehandlingWithin: [byDefault('默认值，无全国性条文；参考上海规定第二十一条、山东条例第二十四条、浙江规定第二十四条（一个月）')],
    remindBefore: [byDefault('系统提醒设置，无条文规定')],
    answerCategories: [byDefault('默认值：全国通行的A、B、C、D四类答复（工作惯例，代表法未规定）')],
    rehandling: [byDefault('默认值：代表不满意即重新办理，轮次不限，第二次不满意提级督办；代表法未规定')],
    // The statute makes contact a duty of the handling unit, not a condition of a valid answer: the
    // national preset warns. Presets whose local text ties contact to the handling (京19, 沪16, 鲁17,
    // 青23, 浙17, 豫19, 渝18) block an answer without it.
    contactBeforeAnswer: [
      art('law', '第五十一条', NATIONAL_CONTACT_NOTE),
      byDefault('全国预设只提示、不拦截：未联系代表的答复照常提交，系统记录未联系，并计入"答复前联系率"；拦截由依本地条文设定的地方预设执行'),
    ],
    coOpinionsBeforeLeadAnswer: [byDefault('默认值：主办单位可在协办意见到齐前答复，系统记录缺少的协办意见')],
    extension: [byDefault('默认值：延期须经交办机构同意（代表法未规定审批；参考北京条例第二十一条等）')],
    withdrawal: [byDefault('默认值：领衔代表可在承办单位答复前撤回')],
    commitmentFulfilmentRating: [byDefault('默认值：不单独评价承诺事项落实情况')],
    // The letter itself is required everywhere (京 第二十二条 公文形式, 沪 第二十条 …); a scanned file of it is not.
    answerRequiresLetter: [byDefault('默认值：答复须为正式公文，但没有规定文本要求每次答复上传答复函文件')],
  },
};

/** Each jurisdiction's own rules, as its text writes them; a value not listed is the national default. */
export const LOCAL_RULES = {
  beijing: {
    ...NATIONAL_RULES,
    rehandling: { trigger: 'committee_finding', maxRounds: null },
    contactBeforeAnswer: 'block',
    withdrawal: { onlyBeforeAssignment: true, coSignersMustAgree: false },
    citations: {
      answerWithin: [art('beijing', '第二十一条')],
      extendedAnswerMax: [art('beijing', '第二十一条', '经交办机关同意')],
      feedbackWithin: [art('beijing', '第二十三条', '自收到答复意见后十五个工作日内')],
      rehandlingWithin: [art('beijing', '第二十七条', '二个月内重新答复')],
      rehandling: [art('beijing', '第二十七条', '常委会认为办理敷衍塞责、需要重新办理的，要求重新办理；不由评价自动触发')],
      contactBeforeAnswer: [art('beijing', '第十九条'), art('law', '第五十一条')],
      extension: [art('beijing', '第二十一条', '经交办机关同意')],
      withdrawal: [art('beijing', '第十三条', '代表可以在交办前撤回')],
    },
  },
  shanghai: {
    ...NATIONAL_RULES,
    answerCategories: SHANGHAI_ANSWER_CATEGORIES,
    rehandling: { trigger: 'staff_decides', maxRounds: null },
    contactBeforeAnswer: 'block',
    coOpinionsBeforeLeadAnswer: 'block',
    extension: { approval: 'staff', tellDeputy: true },
    withdrawal: { onlyBeforeAssignment: false, coSignersMustAgree: true },
    citations: {
      assignWithin: [art('shanghai', '第十一条', '闭会期间收到之日起七个工作日内交办')],
      answerWithin: [art('shanghai', '第十九条')],
      extendedAnswerMax: [art('shanghai', '第十九条', '延长不得超过三个月')],
      returnWithin: [art('shanghai', '第十四条', '收到之日起七个工作日内')],
      coOpinionWithin: [art('shanghai', '第十七条', '收到之日起一个月内')],
      rehandlingWithin: [art('shanghai', '第二十一条', '一个月内再次答复')],
      answerCategories: [art('shanghai', '第十八条')],
      rehandling: [art('shanghai', '第二十一条', '代表工作机构研究代表意见，对需要再次办理的交承办单位')],
      contactBeforeAnswer: [art('shanghai', '第十六条'), art('law', '第五十一条')],
      coOpinionsBeforeLeadAnswer: [art('shanghai', '第十七条', '主办单位答复时应当说明会办单位的办理意见')],
      extension: [art('shanghai', '第十九条', '书面报告，经同意延长，及时告知代表')],
      withdrawal: [art('shanghai', '第十条', '联名提出的，经代表一致要求可以撤回')],
    },
  },
  shandong: {
    ...NATIONAL_RULES,
    answerCategories: SHANDONG_ANSWER_CATEGORIES,
    contactBeforeAnswer: 'block',
    coOpinionsBeforeLeadAnswer: 'block',
    citations: {
      assignWithin: [art('shandong', '第十条', '闭会期间接到之日起五日内交办')],
      answerWithin: [art('shandong', '第十九条')],
      extendedAnswerMax: [art('shandong', '第十九条', '经交办机关同意')],
      returnWithin: [art('shandong', '第十二条', '闭会期间收到之日起五日内')],
      coOpinionWithin: [art('shandong', '第二十一条', '收到之日起一个月内')],
      rehandlingWithin: [art('shandong', '第二十四条', '一个月内再次答复')],
      answerCategories: [art('shandong', '第十八条')],
      rehandling: [art('shandong', '第二十四条', '代表不满意的，承办单位应当重新研究办理')],
      contactBeforeAnswer: [art('shandong', '第十七条'), art('law', '第五十一条')],
      coOpinionsBeforeLeadAnswer: [art('shandong', '第二十一条', '由主办单位统一答复，说明协办单位的处理意见')],
      extension: [art('shandong', '第十九条', '经交办机关同意')],
      withdrawal: [art('shandong', '第九条', '代表可以要求撤回，办理工作即行终止')],
    },
  },
  qingdao: {
    ...NATIONAL_RULES,
    answerCategories: QINGDAO_ANSWER_CATEGORIES,
    rehandling: { trigger: 'staff_decides', maxRounds: null },
    contactBeforeAnswer: 'block',
    coOpinionsBeforeLeadAnswer: 'block',
    extension: { approval: 'staff', tellDeputy: true },
    citations: {
      assignWithin: [art('qingdao', '第十四条', '闭会期间收到之日起五个工作日内交办')],
      answerWithin: [art('qingdao', '第二十五条')],
      extendedAnswerMax: [art('qingdao', '第二十五条', '经代表工作机构同意，最长不超过六个月')],
      returnWithin: [art('qingdao', '第十九条', '收到之日起五个工作日内')],
      coOpinionWithin: [art('qingdao', '第二十四条', '收到之日起一个月内')],
      answerCategories: [art('qingdao', '第二十六条')],
      rehandling: [art('qingdao', '第三十一条', '常委会根据测评、评估情况可以交承办单位重新办理')],
      rehandlingWithin: [byDefault('青岛条例第三十一条未规定重新办理期限，采用默认值一个月')],
      contactBeforeAnswer: [art('qingdao', '第二十三条'), art('law', '第五十一条')],
      coOpinionsBeforeLeadAnswer: [art('qingdao', '第二十四条', '协办意见送主办单位统一答复')],
      extension: [art('qingdao', '第二十五条', '经同意延期，并及时向代表说明情况')],
      withdrawal: [art('qingdao', '第十二条', '代表要求撤回的，办理工作即行终止')],
    },
  },
  henan: {
    ...NATIONAL_RULES,
    answerCategories: HENAN_ANSWER_CATEGORIES,
    rehandling: { trigger: 'automatic', maxRounds: 1 },
    contactBeforeAnswer: 'block',
    coOpinionsBeforeLeadAnswer: 'block',
    extension: { approval: 'notice_only', tellDeputy: true },
    citations: {
      answerWithin: [art('henan', '第二十条')],
      extendedAnswerMax: [art('henan', '第二十条', '向代表说明情况，六个月内答复')],
      returnWithin: [art('henan', '第十四条', '交办之日起十个工作日内')],
      coOpinionWithin: [art('henan', '第十八条', '收到之日起两个月内')],
      feedbackWithin: [art('henan', '第二十二条', '收到答复后十个工作日内')],
      rehandlingWithin: [art('henan', '第二十二条', '一个月内再次办理并答复')],
      answerCategories: [art('henan', '第十九条', '五类')],
      rehandling: [art('henan', '第二十二条', '再次答复仍不满意的，组织评估，不再自动重新办理')],
      contactBeforeAnswer: [art('henan', '第十九条', '确定专人加强与代表的沟通、联系'), art('law', '第五十一条')],
      coOpinionsBeforeLeadAnswer: [art('henan', '第十八条', '由主办单位统一答复代表并说明协办单位意见')],
      extension: [art('henan', '第二十条', '无需审批，向代表说明情况')],
    },
  },
  zhejiang: {
    ...NATIONAL_RULES,
    contactBeforeAnswer: 'block',
    coOpinionsBeforeLeadAnswer: 'block',
    citations: {
      answerWithin: [art('zhejiang', '第二十一条')],
      extendedAnswerMax: [art('zhejiang', '第二十一条', '经交办机构同意')],
      returnWithin: [art('zhejiang', '第十四条', '收到之日起十日内（日历日）')],
      coOpinionWithin: [art('zhejiang', '第十八条', '收到之日起两个月内')],
      rehandlingWithin: [art('zhejiang', '第二十四条', '一个月内重新书面答复')],
      rehandling: [art('zhejiang', '第二十四条', '代表不满意的，督促承办单位再次研究办理')],
      answerCategories: [byDefault('浙江规定第十九条只列办理原则，未另定答复分类：采用全国A、B、C、D四类')],
      contactBeforeAnswer: [art('zhejiang', '第十七条'), art('law', '第五十一条')],
      coOpinionsBeforeLeadAnswer: [art('zhejiang', '第十八条', '由主办单位统一答复，说明会办单位的办理意见')],
      extension: [art('zhejiang', '第二十一条', '经交办机构同意')],
    },
  },
  chongqing: {
    ...NATIONAL_RULES,
    answerCategories: CHONGQING_ANSWER_CATEGORIES,
    rehandling: { trigger: 'staff_decides', maxRounds: 1 },
    contactBeforeAnswer: 'block',
    coOpinionsBeforeLeadAnswer: 'block',
    extension: { approval: 'notice_only', tellDeputy: true },
    commitmentFulfilmentRating: true,
    citations: {
      assignWithin: [art('chongqing', '第十三条', '闭会期间收到之日起十个工作日内交办')],
      answerWithin: [art('chongqing', '第二十一条'), art('chongqingLaw', '第四十七条')],
      extendedAnswerMax: [art('chongqing', '第二十一条', '涉及面广、处理难度大的，六个月内答复，无需审批')],
      returnWithin: [art('chongqing', '第十六条', '交办之日起十个工作日内')],
      coOpinionWithin: [art('chongqing', '第二十条', '交办之日起三十个工作日内；重新提出五个工作日')],
      contactWithin: [art('chongqing', '第十八条', '收到之日起二十个工作日内')],
      feedbackWithin: [art('chongqing', '第二十七条', '收到答复函之日起二十个工作日内')],
      rehandlingWithin: [art('chongqing', '第二十七条', '收到重新办理要求后两个月内')],
      answerCategories: [art('chongqing', '第二十二条'), art('chongqing', '第二十四条', '第二项列入承诺事项台账')],
      rehandling: [art('chongqing', '第二十七条', '人代工委视情况要求重新办理；重新答复后仍不满意的，召集研究提出处理意见')],
      contactBeforeAnswer: [art('chongqing', '第十八条'), art('chongqingLaw', '第四十七条')],
      coOpinionsBeforeLeadAnswer: [art('chongqing', '第二十条', '由主办单位统一答复代表')],
      extension: [art('chongqing', '第二十一条', '六个月内答复，无审批要求'), art('chongqingLaw', '第四十七条', '以书面形式向代表说明情况和理由')],
      withdrawal: [art('chongqing', '第十二条', '书面要求撤回，办理工作即行终止')],
      commitmentFulfilmentRating: [art('chongqing', '第二十八条'), art('chongqing', '第二十六条')],
    },
  },
  sichuan: {
    ...NATIONAL_RULES,
    rehandling: { trigger: 'automatic', maxRounds: 1 },
    unsourced: true,
    citations: {
      rehandlingWithin: [byDefault('未核实：取自四川省人民政府2024年办法（不在规定文本目录中），非省人大规定')],
      rehandling: [byDefault('未核实：再次不满意转评估或面商，取自四川省人民政府2024年办法')],
    },
  },
  hunan: {
    ...NATIONAL_RULES,
    unsourced: true,
    citations: {},
  },
} satisfies Record<string, HandlingRules>;
