/** Languages the interface is translated into (SDG titles come in these too). */
export const UI_LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const LANGUAGE_NAMES: Readonly<Record<UiLanguage, string>> = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  es: 'Español',
  it: 'Italiano',
};

export const STORAGE_KEY = 'sdgcm.language';

export function isUiLanguage(value: string | null | undefined): value is UiLanguage {
  return (
    value !== null && value !== undefined && (UI_LANGUAGES as readonly string[]).includes(value)
  );
}

/** First supported language among the browser's preferences, else English. */
export function browserLanguage(preferences: readonly string[]): UiLanguage {
  for (const tag of preferences) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language to start in: `?lang=`, then the remembered choice, then the browser's. */
export function initialLanguage(
  search: string,
  stored: string | null,
  preferences: readonly string[],
): UiLanguage {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isUiLanguage(fromUrl)) return fromUrl;
  if (isUiLanguage(stored)) return stored;
  return browserLanguage(preferences);
}
