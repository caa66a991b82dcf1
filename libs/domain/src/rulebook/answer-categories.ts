import { AnswerCategory } from './rulebook';

/** 答复类别, national scheme. B and C promise future work, so they must carry commitments. */
export const NATIONAL_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '已经解决或者基本解决', requiresCommitments: false },
  { code: 'B', label: '正在解决或者列入规划逐步解决', requiresCommitments: true },
  { code: 'C', label: '因目前条件限制需待以后解决', requiresCommitments: true },
  { code: 'D', label: '留作参考', requiresCommitments: false },
];

// Local schemes, each as its article lists the cases. Codes stay letters in the article's order, so
// events, statistics columns and the web keep one short code; the label is the article's own words.
// A class whose answer promises future work (a plan, a time limit) requires commitments.

/** 上海 第十八条: four cases; (二) and (三) answer with a plan and a time limit. */
export const SHANGHAI_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '已经解决或者基本解决、部分解决，或者已被采纳、部分采纳', requiresCommitments: false },
  { code: 'B', label: '已列入年度工作方案，正在着手解决，有明确解决时限', requiresCommitments: true },
  { code: 'C', label: '已列入工作计划，逐步加以解决，有计划解决时限', requiresCommitments: true },
  { code: 'D', label: '暂时无法解决，研究参考或如实说明', requiresCommitments: false },
];

/** 山东 第十八条: (二) answers with the plan and its time limit, and is answered again once done. */
export const SHANDONG_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '已经解决或者部分解决', requiresCommitments: false },
  { code: 'B', label: '已经列入工作计划，有解决时限', requiresCommitments: true },
  { code: 'C', label: '受客观条件限制暂时无法解决', requiresCommitments: false },
  { code: 'D', label: '不符合法律、法规、政策规定', requiresCommitments: false },
];

/** 重庆 第二十二条; 第二十四条 puts (二) on the commitments ledger (承诺事项台账). */
export const CHONGQING_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '已经解决或者采纳', requiresCommitments: false },
  { code: 'B', label: '正在研究解决，有工作计划、进度和完成时限', requiresCommitments: true },
  { code: 'C', label: '不具备解决条件', requiresCommitments: false },
  { code: 'D', label: '涉及上级国家机关职权，已向上级反映', requiresCommitments: false },
];

/** 河南 第十九条: five classes; (三) is solved within the plan's period. */
export const HENAN_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '所提问题已经解决', requiresCommitments: false },
  { code: 'B', label: '有条件解决，及时解决并答复', requiresCommitments: false },
  { code: 'C', label: '受条件限制暂时不能解决，列入工作计划、规划在期限内解决', requiresCommitments: true },
  { code: 'D', label: '不符合规定或受客观条件限制确实不能解决', requiresCommitments: false },
  { code: 'E', label: '属于上级机关或者组织职权范围，已向上级反映', requiresCommitments: false },
];

/** 青岛 第二十六条: by when it is carried out; (二) and (三) are followed on the ledger (第二十七条). */
export const QINGDAO_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '能够在法定答复期限内办理落实', requiresCommitments: false },
  { code: 'B', label: '能够在年内办理落实', requiresCommitments: true },
  { code: 'C', label: '需要跨年度办理落实，有工作进度时间表', requiresCommitments: true },
  { code: 'D', label: '不具备条件确实不能办理落实，书面解释说明', requiresCommitments: false },
];
