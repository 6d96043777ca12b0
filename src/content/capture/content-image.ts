// A message that is only a picture (a screenshot of the repayment plan, a photo of a bill)
// says no words, yet it was sent: it is recorded as "[image: name]" so the transcript shows
// it; a picture sent with words ("这是我的还款凭证" under a photo) is recorded beside them.
// Avatars, icons, emoji and loaders are no such picture: only an image drawn at least MIN_SIDE
// px on both sides, outside avatar, loader and button parts, and not named as one
// ("loading.gif"), counts. Its size is known once it has loaded (the engine reads the row
// again then: see its load listener; words wait for it a moment, see picture-wait.ts).
import { collapse, emojiAlt } from '../../lib/capture/light-text';
import { isAvatarClass, isNeverMessageClass } from '../../lib/capture/vocabulary';
import { classOf, isHidden, type HiddenCheck } from './dom';

const MIN_SIDE = 48;
/** Images looked at in one row (a gallery message says "[image]" once, for its first). */
const MAX_IMAGES = 5;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|bmp|svg|heic|avif)$/i;

/** Whether `part`, or a part of `item` holding it, is an avatar, a loader or a button. */
export function isChromePart(part: Element, item: Element): boolean {
  for (let el: Element | null = part; el && el !== item; el = el.parentElement) {
    const cls = classOf(el);
    if (isAvatarClass(cls) || isNeverMessageClass(cls)) return true;
    if (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button' || el.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}

/** Whether the picture's alt text or file name says it is an avatar or a loader ("loading.gif", "avatar_42.png"). */
function namesChrome(img: HTMLImageElement): boolean {
  const names = `${img.getAttribute('alt') ?? ''} ${lastSegmentOf(img.currentSrc || img.src)}`;
  return isAvatarClass(names) || isNeverMessageClass(names);
}

/**
 * The images of a row that may be a picture sent, by what they are and where: no avatar, loader
 * or button part. With `words` (beside the row's words), only one in the part of the row that
 * holds them too (the bubble: an image beside it is in an avatar's place) and no emoji (its alt
 * is read as one of the words); alone, a big one is a sticker, sent as a picture. Only their
 * size can tell the rest.
 */
function possiblePicturesOf(item: Element, words: readonly Node[] | null): HTMLImageElement[] {
  return Array.from(item.getElementsByTagName('img'))
    .slice(0, MAX_IMAGES)
    .filter((img) => !isChromePart(img, item) && !namesChrome(img) && (words === null || isBesideWords(img, words, item)));
}

function isBesideWords(img: HTMLImageElement, words: readonly Node[], item: Element): boolean {
  if (emojiAlt(img.getAttribute('alt'), classOf(img)) !== null) return false;
  if (words.length === 0) return true;
  for (let part = img.parentElement; part && part !== item; part = part.parentElement) if (part.contains(words[0])) return true;
  return false;
}

/** The picture a message row shows as its content, or null (measured: call only with layout). */
export function contentImageOf(item: Element, styles: false | HiddenCheck): HTMLImageElement | null {
  return drawnPictureOf(possiblePicturesOf(item, null), styles);
}

/**
 * The images of a row that may be a picture sent with its `words` (only their size can tell,
 * once loaded: drawnPictureOf). Rows of a markup with one are not read from a template.
 */
export function picturesBesideWords(item: Element, words: readonly Node[]): HTMLImageElement[] {
  return possiblePicturesOf(item, words);
}

/** The first of `images` drawn as a picture (shown, at least MIN_SIDE px on both sides), or null. */
export function drawnPictureOf(images: readonly HTMLImageElement[], styles: false | HiddenCheck): HTMLImageElement | null {
  for (const img of images) {
    if (styles && isHidden(img, styles)) continue;
    const box = img.getBoundingClientRect();
    if (box.width >= MIN_SIDE && box.height >= MIN_SIDE) return img;
  }
  return null;
}

/**
 * A message's words with the picture sent with them, in the order the page shows them:
 * "[image: 还款凭证] 这是我的还款凭证", "请按下图操作： [image: guide.png]".
 */
export function withPicture(img: HTMLImageElement, text: string, words: readonly Node[]): string {
  const pictureFirst = words.length === 0 || (img.compareDocumentPosition(words[0]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  return pictureFirst ? `${imageText(img)} ${text}` : `${text} ${imageText(img)}`;
}

/** The last part of a web address's path, decoded ("" for data: and blob: addresses). */
function lastSegmentOf(url: string): string {
  try {
    const { protocol, pathname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return '';
    return decodeURIComponent(pathname.slice(pathname.lastIndexOf('/') + 1));
  } catch {
    return '';
  }
}

/** The file name at the end of an address, when it names one of `kind` ("plan.png"). */
export function fileNameOf(url: string, kind = IMAGE_FILE): string {
  const name = lastSegmentOf(url);
  return kind.test(name) && name.length <= 80 ? name : '';
}

/** What the record says for a picture message: "[image: its alt text or file name]", or "[image]". */
export function imageText(img: HTMLImageElement): string {
  const name = collapse(img.getAttribute('alt') ?? '').slice(0, 80) || fileNameOf(img.currentSrc || img.src);
  return name ? `[image: ${name}]` : '[image]';
}
