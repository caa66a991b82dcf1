import type { SuggestionAction } from '../suggestion/suggestion-actions';

/** The button that sends each command, as the pages show it. */
export const ACTION_LABELS: Readonly<Record<SuggestionAction, string>> = {
  accept: '立案',
  reject: '不予立案',
  assign: '交办',
  requestReturn: '申请退回',
  decideReturn: '审批退回申请',
  transfer: '转办',
  contact: '记录联系代表',
  coOpinion: '提交协办意见',
  requestExtension: '申请延期',
  decideExtension: '审批延期申请',
  supervise: '列为重点督办',
  urge: '催办',
  answer: '答复',
  rate: '评价答复',
  fulfilCommitment: '报告已落实',
  rehandle: '决定重新办理',
  rateCommitments: '评价承诺落实',
  withdraw: '撤回建议',
  close: '办结',
  publish: '公开答复',
  exempt: '不予公开',
  attachments: '上传附件',
  acknowledgeAnswer: '确认收到答复',
};
