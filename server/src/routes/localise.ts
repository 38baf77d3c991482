import type { FastifyReply } from 'fastify';
import type { SdgLanguage } from '../domain/languages';
import { addVary } from '../plugins/vary';
import { resolveLanguage } from '../services/language.service';

/** Resolves the response language from `?lang=` / Accept-Language and labels the reply with it. */
export function localise(
  request: { query: { lang?: string }; headers: { 'accept-language'?: string } },
  reply: FastifyReply,
): SdgLanguage {
  const lang = resolveLanguage(request.query.lang, request.headers['accept-language']);
  void reply.header('content-language', lang);
  addVary(reply, 'Accept-Language');
  return lang;
}
