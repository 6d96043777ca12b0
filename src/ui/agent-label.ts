// How an agent is named on screen: "小李 (工号 80123)", the name alone, or the id alone.
import type { AgentIdentity } from '../lib/evidence/types';
import type { TranslateFn } from '../lib/i18n';

export function agentLabel(agent: AgentIdentity | null | undefined, t: TranslateFn): string | null {
  if (!agent || (!agent.name && !agent.employeeId)) return null;
  if (agent.name && agent.employeeId) return t('common_agent_name_id', agent.name, agent.employeeId);
  if (agent.name) return agent.name;
  return t('common_agent_id_only', agent.employeeId!);
}
