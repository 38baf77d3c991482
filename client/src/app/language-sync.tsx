import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isUiLanguage, STORAGE_KEY } from '../lib/i18n/languages';
import { useLanguage } from '../lib/i18n/use-language';

/**
 * Keeps three things in step: the `?lang=` of the URL (so every URL restores
 * its language), i18next's language, and `<html lang>` for screen readers.
 */
export function LanguageSync(): null {
  const { i18n } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const fromUrl = new URLSearchParams(location.search).get('lang');

  useEffect(() => {
    if (isUiLanguage(fromUrl) && fromUrl !== lang) {
      void i18n.changeLanguage(fromUrl);
      return;
    }
    if (fromUrl !== lang) {
      const params = new URLSearchParams(location.search);
      params.set('lang', lang);
      void navigate(
        { pathname: location.pathname, search: `?${params.toString()}`, hash: location.hash },
        { replace: true },
      );
    }
  }, [fromUrl, lang, i18n, location.pathname, location.search, location.hash, navigate]);

  useEffect(() => {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode or storage disabled: the URL still carries the language.
    }
  }, [lang]);

  return null;
}
