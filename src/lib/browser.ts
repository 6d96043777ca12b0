// The one import of webextension-polyfill: the seam unit tests replace with vi.mock.
import browser from 'webextension-polyfill';

export type Browser = typeof browser;
export default browser;
