// Types for agent-script.js, so TypeScript tests can import the plain-JS demo module.
export type AgentStep =
  | 'greet'
  | 'introduce'
  | 'ask-reason'
  | 'ask-plan'
  | 'refuse-deferral'
  | 'offer-instalments'
  | 'confirm-terms'
  | 'anything-else'
  | 'close';

export interface AgentProfile {
  name: string;
  label: string;
  employeeId: string;
  caseNo: string;
}

export interface AgentReply {
  step: AgentStep;
  text: string;
  ended: boolean;
}

export const STEPS: AgentStep[];
export function instalmentsIn(text: string): 3 | 6 | 12 | null;
export function sideQuestionIn(text: string): 'agent-id' | 'fees' | 'written' | null;
export function createAgent(lang?: 'zh' | 'en'): {
  readonly profile: AgentProfile;
  readonly step: AgentStep;
  readonly closed: boolean;
  opening(): string;
  reply(userText: string): AgentReply | null;
};
