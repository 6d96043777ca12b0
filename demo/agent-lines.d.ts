// Types for agent-lines.js (the demo agent's lines per language).
import type { AgentProfile } from './agent-script';

export const AGENT_PROFILE: Record<'zh' | 'en', AgentProfile>;
export const AGENT_LINES: Record<'zh' | 'en', Record<string, string>>;
