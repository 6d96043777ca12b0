// Accumulates what the page says about the agent (name, employee number, case number) and
// turns each new fact into an 'agent' observation for the background.
import type { Observation } from './protocol';
import { caseNumberStandIn, findAgentFacts, hasAgentFacts, mergeAgentFacts, type AgentFacts } from '../agent-identity';

export class AgentLearner {
  private facts: AgentFacts = { name: null, employeeId: null, caseNumber: null };

  constructor(private emit: (o: Observation) => void) {}

  /** Reads `text`; emits an observation when it adds something (unless `emit` is false: facts seen in already-recorded history). */
  learn(text: string, at: string, emit = true): void {
    const found = findAgentFacts(text);
    if (!hasAgentFacts(found)) return;
    const merged = mergeAgentFacts(this.facts, found);
    if (merged.name === this.facts.name && merged.employeeId === this.facts.employeeId && merged.caseNumber === this.facts.caseNumber) return;
    this.facts = merged;
    if (!emit) return;
    const employeeId = merged.employeeId ?? (merged.caseNumber ? caseNumberStandIn(merged.caseNumber) : null);
    this.emit({ kind: 'agent', name: merged.name, employeeId, at });
  }
}
