// The suggestion engine's public surface: phrase library, cue scoring, conversation
// analysis and ranking. Pure functions, usable in the service worker, pages and tests.
export { STAGES, type Phrase, type Stage } from './types';
export { BUILTIN_PHRASES, builtinPhrases } from './phrases';
export { detectCues, scoreStages, splitSentences, type CueReport } from './cues';
export { analyseConversation, transcriptLocale, type ConversationAnalysis, type TranscriptTurn } from './context';
export { suggest, type SuggestInput, type SuggestResult } from './rank';
export { detectLocale, tokenise, stemEn, segmentZh, normaliseText } from './text';
export { agentIdentity, userMoves } from './user-moves';
