// The pages' way to call the background: the typed runtime message API over
// browser.runtime.sendMessage, throwing ApiError on an ok:false reply.
import browser from '../lib/browser';
import { call, type OkReply, type RequestMap, type RequestType } from '../lib/messages';

export function api<T extends RequestType>(type: T, req: RequestMap[T]['req']): Promise<OkReply<T>> {
  return call((msg) => browser.runtime.sendMessage(msg), type, req);
}
