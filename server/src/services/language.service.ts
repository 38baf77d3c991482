import { badRequest } from '../errors';
import {
  matchLanguage,
  negotiateLanguage,
  SDG_LANGUAGES,
  type SdgLanguage,
} from '../domain/languages';

/**
 * The language of a response: `?lang=` when given (an unsupported value is a
 * 400 naming the supported ones, so typos are caught), else Accept-Language,
 * else English.
 */
export function resolveLanguage(
  lang: string | undefined,
  acceptLanguage: string | undefined,
): SdgLanguage {
  if (lang !== undefined) {
    const match = matchLanguage(lang);
    if (match === null) {
      throw badRequest(
        `Language "${lang}" is not available. Use one of: ${SDG_LANGUAGES.join(', ')}.`,
        [{ path: 'lang', message: 'unsupported language' }],
      );
    }
    return match;
  }
  return negotiateLanguage(acceptLanguage);
}
