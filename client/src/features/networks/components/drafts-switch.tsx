import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../auth/api/auth-api';
import { useSearchParam } from '../../../lib/url-state';
import { useShownChoice } from '../../../lib/shown-choice';

/**
 * Whether the reader may ask for a network's drafts: administrators, the
 * network's coordinators and viewers, and the editors of its member cities
 * (the server decides in the end: it ignores the request for anyone else).
 */
export function isNetworkMember(
  roles: readonly Grant[],
  network: string,
  memberCities: readonly string[],
): boolean {
  return roles.some(
    (r) =>
      r.role === 'admin' ||
      r.network?.slug === network ||
      (r.city !== null && memberCities.includes(r.city.slug)),
  );
}

/** `?drafts=1` as state: published figures unless the reader asked for drafts. */
export function useDraftsParam(): [boolean, (drafts: boolean) => void] {
  const [raw, set] = useSearchParam('drafts');
  return [raw === '1' || raw === 'true', (drafts) => set(drafts ? '1' : undefined)];
}

/** Adds `?drafts=1` to an internal path when the reader looks at drafts, so links keep the view. */
export function withDrafts(path: string, drafts: boolean): string {
  if (!drafts) return path;
  return `${path}${path.includes('?') ? '&' : '?'}drafts=1`;
}

/** "Published figures / Including drafts", for members of the network. */
export function DraftsSwitch({
  drafts,
  onChange,
}: {
  drafts: boolean;
  onChange: (drafts: boolean) => void;
}): ReactNode {
  const { t } = useTranslation();
  const name = useId();
  // The choice shows at once, not when the URL change behind it has rendered.
  const [shown, choose] = useShownChoice(drafts, onChange);
  return (
    <fieldset className="segmented drafts-switch" data-testid="drafts-switch">
      <legend>{t('drafts.legend')}</legend>
      <label>
        <input
          type="radio"
          name={name}
          value="published"
          checked={!shown}
          onChange={() => choose(false)}
        />
        {t('drafts.published')}
      </label>
      <label>
        <input
          type="radio"
          name={name}
          value="drafts"
          checked={shown}
          onChange={() => choose(true)}
        />
        {t('drafts.including')}
      </label>
    </fieldset>
  );
}

/** Said above the views when their figures include values not approved yet. */
export function DraftsNotice({ count }: { count: number }): ReactNode {
  const { t } = useTranslation();
  return (
    <p className="data-note drafts-notice" role="status" data-testid="drafts-notice">
      <DraftMarker /> {t('drafts.notice', { count })}
    </p>
  );
}

/** A city whose figures include values not approved yet: a word, not a colour alone. */
export function DraftMarker({ name }: { name?: string }): ReactNode {
  const { t } = useTranslation();
  return (
    <span
      className="badge badge--draft"
      title={name === undefined ? t('drafts.markerTitle') : t('drafts.markerCity', { city: name })}
      data-testid="draft-marker"
    >
      {t('drafts.marker')}
      {name !== undefined && (
        <span className="visually-hidden">{` (${t('drafts.markerCity', { city: name })})`}</span>
      )}
    </span>
  );
}
