// The background's half of reading rows the content script sent unread ('row' observations,
// see protocol.ts and row-template.ts): each becomes the 'message' the content script would
// have sent, followed by the agent facts its words name, or nothing when it is not a message.
import { AgentLearner } from './agent-learner';
import type { CaptureBatch, Observation } from './protocol';
import { readSelfContained } from './row-template';

/**
 * The batch's observations with its rows read. Agent facts are learnt per batch: one the
 * session already has changes nothing when stored, so no state needs to outlive the worker.
 */
export function resolveRows(batch: CaptureBatch): Observation[] {
  if (!batch.items.some((o) => o?.kind === 'row')) return batch.items;
  const out: Observation[] = [];
  const agent = new AgentLearner((o) => out.push(o));
  for (const o of batch.items) {
    if (o?.kind !== 'row') {
      out.push(o);
      continue;
    }
    const template = batch.templates?.[o.template];
    if (!template || typeof o.values !== 'string') continue;
    let message;
    try {
      message = readSelfContained(o.values, template);
    } catch {
      continue; // a malformed template: nothing the content script would have recorded either
    }
    if (!message) continue;
    out.push({ kind: 'message', key: o.key, speaker: message.speaker, author: message.author, text: message.text, at: o.at });
    if (message.speaker !== 'user') agent.learn(message.text, o.at);
  }
  return out;
}
