// The runtime message API (docs/automation-api.md plus the documented extensions in
// docs/api-extensions.md): one typed map of request → reply, used by the router,
// the popup, the sidebar, the viewer and the end-to-end tests.
import type { Agreement, AgentIdentity, CaseFile, Entry, AttachmentMeta, Speaker } from './evidence/types';
import type { Profile } from './profile';
import type { Phrase } from './suggest/types';
import type { Settings } from './settings';
import type { PageLook } from './page-look';

export type Locale = 'zh-CN' | 'en';

export interface SessionSummary {
  id: string;
  url: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
  count: number;
  /** Extension: the agent identity, so lists can show it. */
  agent?: AgentIdentity;
}

export interface Suggestion {
  id: string;
  stage: string;
  text: string;
  /** Extension: the phrase template, so the sidebar can show fill-in fields inline. */
  template?: string;
  pinned?: boolean;
}

export interface ErrorReply {
  ok: false;
  error: { code: string; message: string };
}

/** Every request type, with its request fields and the fields of its ok reply. */
export interface RequestMap {
  'capture.start': { req: { tabId: number }; res: { sessionId: string } };
  'capture.stop': { req: { tabId: number }; res: { sessionId: string } };
  'capture.status': {
    req: { tabId: number };
    /** olderMessagesHidden: the chat likely held older messages the page did not show when capture found it (scroll up through them). platform: the chat platform a site adapter recognised. */
    res: { capturing: boolean; sessionId: string | null; count: number; agent?: AgentIdentity; olderMessagesHidden?: boolean; platform?: string };
  };
  'session.list': { req: Record<string, never>; res: { sessions: SessionSummary[] } };
  'session.export': { req: { sessionId: string; format: 'json' }; res: { data: CaseFile } };
  'session.verify': { req: { data: unknown }; res: { valid: boolean; firstBadSeq: number | null; reason?: string | null } };
  'compose.insert': { req: { tabId: number; text: string; mode?: 'insert' | 'replace' }; res: Record<string, never> };
  'suggest.list': {
    req: { tabId?: number; transcript?: { speaker: Speaker; text: string }[]; locale?: Locale; limit?: number; query?: string };
    res: { suggestions: Suggestion[]; stages?: string[] };
  };
  // ---- extensions (docs/api-extensions.md) ----
  /** Asks the person to point at the chat area in the tab (element picker); remembered for the site. */
  'capture.pick': { req: { tabId: number }; res: { selector: string | null } };
  'session.get': {
    req: { sessionId: string };
    res: { session: SessionSummary & { agent: AgentIdentity; agreement: Agreement | null }; entries: Entry[]; attachments: AttachmentMeta[] };
  };
  'session.delete': { req: { sessionId: string }; res: Record<string, never> };
  'session.note': { req: { sessionId: string; text: string }; res: { seq: number } };
  'session.set-agent': { req: { sessionId: string; agent: AgentIdentity }; res: Record<string, never> };
  'session.set-agreement': { req: { sessionId: string; agreement: Agreement | null }; res: Record<string, never> };
  'session.screenshot': { req: { tabId: number }; res: { attachmentId: string; sha256: string; seq: number } };
  'session.attachment': { req: { sessionId: string; attachmentId: string }; res: { mime: string; dataUrl: string } };
  'profile.get': { req: Record<string, never>; res: { profile: Profile } };
  'profile.set': { req: { profile: Profile }; res: Record<string, never> };
  'phrases.list': { req: { locale?: Locale }; res: { phrases: Phrase[] } };
  'phrases.save': { req: { phrase: Phrase }; res: { phrase: Phrase } };
  'phrases.delete': { req: { id: string }; res: Record<string, never> };
  'settings.get': { req: Record<string, never>; res: { settings: Settings } };
  'settings.set': { req: { settings: Partial<Settings> }; res: { settings: Settings } };
  'sidebar.toggle': { req: { tabId: number; open?: boolean }; res: Record<string, never> };
  'tab.current': { req: Record<string, never>; res: { tabId: number | null; url: string | null } };
  // ---- asked by content scripts, about their own tab only ----
  /** A content script that (re)loads asks whether its tab is capturing, and what was recorded last (to skip re-recording it). */
  'content.status': {
    req: Record<string, never>;
    res: { capturing: boolean; sessionId: string | null; recent: { speaker: Speaker; text: string }[]; pickedSelector: string | null };
  };
  /**
   * The element picker remembers the chat area the user pointed at for the site of the frame it
   * was picked in. While the tab records, the reply carries the session and its last stored
   * messages, so the frame's capture restarts on the picked area without recording them again.
   */
  'content.pick-saved': {
    req: { selector: string };
    res: { sessionId?: string | null; recent?: { speaker: Speaker; text: string }[] };
  };
  /** What the content script's pieces in the page show (lib/page-look.ts): asked once at start, then pushed on change ('content.look-changed'). */
  'content.look': { req: Record<string, never>; res: { look: PageLook } };
}

/** Request types a content script may send (about its own tab only). */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<RequestType> = new Set<RequestType>([
  'content.status',
  'content.pick-saved',
  'content.look',
  'suggest.list',
  'phrases.list',
  'profile.get',
  'settings.get',
  'capture.start',
  'capture.stop',
  'capture.status',
  'sidebar.toggle',
]);

export type RequestType = keyof RequestMap;
export type Request<T extends RequestType = RequestType> = { type: T } & RequestMap[T]['req'];
export type OkReply<T extends RequestType> = { ok: true } & RequestMap[T]['res'];
export type Reply<T extends RequestType> = OkReply<T> | ErrorReply;

/** Thrown by send() helpers when a reply is ok:false, carrying its code. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function errorReply(code: string, message: string): ErrorReply {
  return { ok: false, error: { code, message } };
}

/** Calls the background and returns the ok reply, or throws ApiError. */
export async function call<T extends RequestType>(
  sendMessage: (msg: unknown) => Promise<unknown>,
  type: T,
  req: RequestMap[T]['req'],
): Promise<OkReply<T>> {
  const reply = (await sendMessage({ type, ...req })) as Reply<T> | undefined;
  if (!reply || typeof reply !== 'object') throw new ApiError('no-reply', `no reply to ${type}`);
  if (!reply.ok) throw new ApiError(reply.error.code, reply.error.message);
  return reply;
}
