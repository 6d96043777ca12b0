// The one router of the runtime message API: validates every request, checks what a
// content script may ask, runs the type's handler and turns any failure into ok:false.
import { ApiError, CONTENT_SCRIPT_TYPES, errorReply, type ErrorReply, type Request, type RequestMap, type RequestType } from '../lib/messages';
import { validateRequest } from '../lib/validate';
import type { RequestContext } from './context';

export type Handler<T extends RequestType> = (req: Request<T>, ctx: RequestContext) => Promise<RequestMap[T]['res']>;

/** A handler for every request type: a missing one is a compile error. */
export type Handlers = { [T in RequestType]: Handler<T> };

export type Route = (msg: unknown, ctx: RequestContext) => Promise<({ ok: true } & Record<string, unknown>) | ErrorReply>;

export function createRouter(handlers: Handlers): Route {
  return async (msg, ctx) => {
    const checked = validateRequest(msg);
    if (!checked.ok) return errorReply(checked.code, checked.message);
    const request = msg as Request & { tabId?: number };
    if (ctx.fromContentScript) {
      if (!CONTENT_SCRIPT_TYPES.has(checked.type)) return errorReply('forbidden', `a content script may not send ${checked.type}`);
      if (request.tabId !== undefined && request.tabId !== ctx.senderTabId) return errorReply('forbidden', 'a content script may only speak of its own tab');
    }
    try {
      const handler = handlers[checked.type] as Handler<RequestType>;
      const result = await handler(request, ctx);
      return { ...result, ok: true };
    } catch (e) {
      if (e instanceof ApiError) return errorReply(e.code, e.message);
      const code = (e as { code?: unknown })?.code;
      if (code === 'not-found') return errorReply('not-found', (e as Error).message);
      console.error(`${checked.type} failed`, e);
      return errorReply('internal', `${checked.type} failed: ${(e as Error)?.message ?? String(e)}`);
    }
  };
}
