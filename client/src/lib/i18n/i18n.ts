import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from './languages';
import type { Locale } from './locales/en';

const loaders: Record<UiLanguage, () => Promise<{ default: Locale }>> = {
  en: () => import('./locales/en'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
  es: () => import('./locales/es'),
  it: () => import('./locales/it'),
};

// Each language is its own chunk, loaded when chosen.
const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = loaders[language as UiLanguage] ?? loaders.en;
    load()
      .then((module) => callback(null, module.default))
      .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err)), null));
  },
};

/** Initialises i18next in `language`; resolves once its messages are loaded. */
export async function initI18n(language: UiLanguage): Promise<I18n> {
  await i18next
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['en', 'fr', 'de', 'es', 'it'],
      ns: ['translation'],
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return i18next;
}
