// A voice message or a video shows no words, yet it was sent (an agent's recorded explanation,
// the user's voice note): it is recorded as "[voice message 0:12]", "[audio: name]" or
// "[video: name]" so the transcript shows it, as a picture is recorded as "[image]"
// (content-image.ts). Only a row whose words are none, or only the clip's length, is one.
import { collapse } from '../../lib/capture/light-text';
import { wordsOf } from '../../lib/capture/vocabulary';
import { fileNameOf, isChromePart } from './content-image';
import { classOf, isHidden, type HiddenCheck } from './dom';

/** What a row shows when it is only a clip: its length ("0:12", "12''", "12秒"). */
const DURATION = /^\d{1,2}(?:[:：]\d{2})?\s*(?:''|"|″|”|s|sec|秒)?$/i;
const MEDIA_FILE = /\.(?:mp3|m4a|aac|amr|ogg|oga|opus|wav|webm|mp4|m4v|mov|3gp)$/i;
const VOICE_CLASS_WORDS = new Set(['voice', 'audio', 'vocal']);
/** Parts of a row looked at for a voice bubble drawn without an <audio> element. */
const MAX_PARTS = 40;

export interface ContentMedia {
  text: string;
  /** The part that shows it (where the message sits on screen). */
  element: Element;
}

const isVoiceClass = (cls: string): boolean => cls.includes('语音') || wordsOf(cls).some((w) => VOICE_CLASS_WORDS.has(w));

/** The clip `item` shows as its content, given the words read from it (`text`), or null. */
export function contentMediaOf(item: Element, text: string, styles: false | HiddenCheck): ContentMedia | null {
  if (text && !DURATION.test(text)) return null;
  const shown = (el: Element) => !isChromePart(el, item) && !(styles && isHidden(el, styles));
  const media = Array.from(item.querySelectorAll('audio, video')).find(shown) as HTMLMediaElement | undefined;
  if (media) {
    const kind = media.tagName === 'VIDEO' ? 'video' : 'audio';
    const address = media.currentSrc || media.src || media.querySelector('source')?.src || '';
    const name = fileNameOf(address, MEDIA_FILE);
    return { text: name ? `[${kind}: ${name}]` : `[${kind}]`, element: media };
  }
  // A voice bubble of the page's own making: a part named so, showing at most its length.
  const parts = [item, ...Array.from(item.querySelectorAll('[class]')).slice(0, MAX_PARTS)];
  for (const part of parts) {
    if (!isVoiceClass(classOf(part)) || !shown(part)) continue;
    const length = collapse(part.textContent ?? '');
    if (length && !DURATION.test(length)) continue;
    return { text: length ? `[voice message ${length}]` : '[voice message]', element: part };
  }
  return null;
}
