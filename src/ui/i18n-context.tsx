// The translator of the page, given to components through context: const { t, locale } = useI18n().
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { createTranslator, type Translator } from '../lib/i18n';

export const I18nContext = createContext<Translator>(createTranslator({}, 'en'));

export function useI18n(): Translator {
  return useContext(I18nContext);
}
