// Short human labels for the stage ids of docs/stages.md, shown above each
// phrase in the quick-insert list (the content script has no i18n bundle).

const LABELS: Record<string, [zh: string, en: string]> = {
  open: ['开场', 'Opening'],
  identify: ['提供信息', 'Details'],
  hardship: ['说明困难', 'Hardship'],
  willingness: ['还款意愿', 'Willing to pay'],
  'request-deferral': ['申请延期', 'Deferral'],
  'propose-instalments': ['分期方案', 'Instalments'],
  persist: ['继续协商', 'Persist'],
  'fees-credit': ['罚息与征信', 'Fees & credit'],
  'record-agent': ['记录客服', 'Agent record'],
  'confirm-terms': ['确认协议', 'Confirm terms'],
  'request-written': ['书面凭证', 'In writing'],
  closing: ['致谢结束', 'Closing'],
};

/** The label of a stage in the page's interface language; unknown ids are shown as they are. */
export function stageLabel(stage: string, zh: boolean): string {
  const pair = LABELS[stage];
  return pair ? pair[zh ? 0 : 1] : stage;
}
