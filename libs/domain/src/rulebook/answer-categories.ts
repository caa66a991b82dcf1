import { AnswerCategory } from './rulebook';

/** 答复类别, national scheme. B and C promise future work, so they must carry commitments. */
export const NATIONAL_ANSWER_CATEGORIES: AnswerCategory[] = [
  { code: 'A', label: '已经解决或者基本解决', requiresCommitments: false },
  { code: 'B', label: '正在解决或者列入规划逐步解决', requiresCommitments: true },
  { code: 'C', label: '因目前条件限制需待以后解决', requiresCommitments: true },
  { code: 'D', label: '留作参考', requiresCommitments: false },
];
