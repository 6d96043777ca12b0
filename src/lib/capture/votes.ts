// Who said a message, as votes: the markup's (class and attribute vocabulary, counted once
// per row template in the content script, speaker.ts) plus what the words say and where they
// sit. Pure, so the background decides a row the page sent as HTML exactly as the page would.
import type { Speaker } from '../evidence/types';
import { looksLikeSystemNotice, speakerOfAuthorLabel } from './vocabulary';

export type Votes = Record<Speaker, number>;

export type Alignment = 'left' | 'right' | 'center' | null;

/** Adds what the words say (author label, notice-like text) and where they sit to the markup's votes. */
export function contentVotes(markup: Votes, text: string, author: string | null, alignment: Alignment): Votes {
  const votes: Votes = { ...markup };
  if (author) {
    const fromAuthor = speakerOfAuthorLabel(author);
    // A notice signed "System" is the system's, on whichever side the chat draws it.
    if (fromAuthor === 'system') votes.system += 6 + Math.max(votes.agent, votes.user);
    else if (fromAuthor) votes[fromAuthor] += 6;
    // A named message with nothing else to go on is more often the agent's (users' own rarely
    // carry a name); any direction word or class vote on the page outweighs this guess.
    else if (votes.agent + votes.user + votes.system === 0) votes.agent += 1;
  }
  if (alignment === 'right') votes.user += 7;
  else if (alignment === 'left') votes.agent += 5;
  else if (alignment === 'center' && !author) votes.system += 3;
  if (looksLikeSystemNotice(text) && !author) votes.system += alignment === 'center' ? 8 : 4;
  return votes;
}

/** The winning speaker, or null when nothing voted. Ties favour agent over user over system. */
export function decideSpeaker(votes: Votes): Speaker | null {
  const order: Speaker[] = ['agent', 'user', 'system'];
  let best: Speaker | null = null;
  for (const s of order) if (votes[s] > 0 && (best === null || votes[s] > votes[best])) best = s;
  return best;
}

/** Whether the votes name the agent or the user: a row that says only a date is then a message (light-text.ts ReadText), else a date line. */
export function namesSender(votes: Votes): boolean {
  const speaker = decideSpeaker(votes);
  return speaker === 'agent' || speaker === 'user';
}

/** Layout is measured only when the markup leaves the speaker open: alignment moves any speaker by at most 7 votes. */
export function isClose(votes: Votes): boolean {
  const ranked = Object.values(votes).sort((a, b) => b - a);
  return ranked[0] - ranked[1] < 8;
}
