// Shared helpers of the UI unit tests: the real locale files as translators.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTranslator, localeDir, type Messages, type Translator } from '../../../src/lib/i18n';
import type { Locale } from '../../../src/lib/messages';

const ROOT = resolve(__dirname, '../../..');

export function translator(locale: Locale): Translator {
  const messages = JSON.parse(readFileSync(join(ROOT, 'extension/_locales', localeDir(locale), 'messages.json'), 'utf8')) as Messages;
  return createTranslator(messages, locale);
}
