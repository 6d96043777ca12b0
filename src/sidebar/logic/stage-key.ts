// The locale key of a stage's short name: message keys allow no '-', so
// 'request-deferral' → 'sidebar_stage_request_deferral'.
export function stageKey(stage: string): string {
  return `sidebar_stage_${stage.replace(/-/g, '_')}`;
}
