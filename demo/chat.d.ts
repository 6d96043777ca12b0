// Types for chat.js (the demo page's wiring) and the `window.__demo` hooks it returns.
import type { AgentProfile, AgentStep } from './agent-script';

export interface DemoTranscriptLine {
  speaker: 'agent' | 'user' | 'system';
  text: string;
}

export interface DemoHooks {
  lang: 'zh' | 'en';
  delay: number;
  agent: AgentProfile;
  transcript(): DemoTranscriptLine[];
  reset(): void;
  step(): AgentStep;
  idle(): Promise<void>;
}

export const DEFAULT_DELAY_MS: number;
export function optionsFromUrl(search: string): { lang: 'zh' | 'en'; delay: number };
export function mountChat(doc: Document, options?: { lang?: 'zh' | 'en'; delay?: number }): DemoHooks;
