import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '@api/catalogue.schema';
import { ApiError } from '../../../lib/api-client';
import {
  addEurostatIndicators,
  useEurostatCodes,
  type EurostatCode,
  type EurostatEntry,
} from '../api/workspace-api';

interface Choice {
  code: EurostatCode;
  target: string;
  direction: '' | 'increase' | 'decrease';
}

type EntryErrors = Partial<Record<'code' | 'target' | 'direction' | 'other', string>>;

const DEBOUNCE_MS = 300;

/** The entry and field a validation detail is about ("/indicators/1/target" → 1, target). */
function placeOf(path: unknown): { index: number; field: keyof EntryErrors } | null {
  if (typeof path !== 'string') return null;
  const match = /^\/indicators\/(\d+)(?:\/(\w+))?/.exec(path);
  if (match === null) return null;
  const field = match[2];
  return {
    index: Number(match[1]),
    field: field === 'code' || field === 'target' || field === 'direction' ? field : 'other',
  };
}

/**
 * The coordinators' catalogue step: search Eurostat's City statistics codes
 * (curated SDG suggestions first), pick some, give a target and direction
 * where there is no suggestion, and add them to the network all at once.
 * Errors are shown at the entry they are about; Eurostat's attribution is
 * shown with the codes.
 */
export function EurostatCatalogue({
  network,
  networkName,
  used,
  onAdded,
}: {
  network: string;
  networkName: string;
  /** Eurostat codes the network's indicators already read → the indicator's name. */
  used: ReadonlyMap<string, string>;
  onAdded: (added: Indicator[]) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  const [chosen, setChosen] = useState<ReadonlyMap<string, Choice>>(new Map());
  const [errors, setErrors] = useState<ReadonlyMap<string, EntryErrors>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const [added, setAdded] = useState<Indicator[] | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  // Ask Eurostat's code list only once the typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setTerm(search.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const codes = useEurostatCodes(term);
  const results = [...(codes.data?.codes ?? [])].sort(
    (a, b) => Number(b.suggestion !== null) - Number(a.suggestion !== null),
  );

  const toggle = (code: EurostatCode) => {
    setChosen((old) => {
      const next = new Map(old);
      if (next.has(code.code)) next.delete(code.code);
      else
        next.set(code.code, {
          code,
          target: code.suggestion?.target ?? '',
          direction: code.suggestion?.direction ?? '',
        });
      return next;
    });
    setAdded(null);
  };
  const edit = (code: string, change: Partial<Pick<Choice, 'target' | 'direction'>>) => {
    setChosen((old) => {
      const current = old.get(code);
      if (current === undefined) return old;
      return new Map(old).set(code, { ...current, ...change });
    });
    setErrors((old) => {
      if (!old.has(code)) return old;
      const next = new Map(old);
      next.delete(code);
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const list = [...chosen.values()];
    if (list.length === 0) return;
    setBusy(true);
    setFailure(null);
    setErrors(new Map());
    const body: EurostatEntry[] = list.map((c) => ({
      code: c.code.code,
      ...(c.target.trim() === '' ? {} : { target: c.target.trim() }),
      ...(c.direction === '' ? {} : { direction: c.direction }),
    }));
    try {
      const result = await addEurostatIndicators(network, body);
      setAdded(result.indicators);
      setChosen(new Map());
      onAdded(result.indicators);
    } catch (err) {
      const byEntry = new Map<string, EntryErrors>();
      if (err instanceof ApiError && Array.isArray(err.details)) {
        for (const detail of err.details as Array<{ path?: unknown; message?: unknown }>) {
          const place = placeOf(detail.path);
          const entry = place === null ? undefined : list[place.index];
          if (place === null || entry === undefined || typeof detail.message !== 'string') continue;
          byEntry.set(entry.code.code, {
            ...byEntry.get(entry.code.code),
            [place.field]: detail.message,
          });
        }
      }
      setErrors(byEntry);
      setFailure(err instanceof Error ? err.message : String(err));
      // Take the reader to the first entry to fix (or to the message).
      requestAnimationFrame(() => {
        const first = formRef.current?.querySelector<HTMLElement>(
          '[aria-invalid="true"], [data-entry-error]',
        );
        (first ?? formRef.current?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
      });
    } finally {
      setBusy(false);
    }
  };

  const directionWord = (direction: 'increase' | 'decrease'): string =>
    t(direction === 'increase' ? 'progress.higherBetter' : 'progress.lowerBetter');
  const list = [...chosen.values()];

  return (
    <section className="eurostat-catalogue" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('workspace.catalogue.title')}</h2>
      <p>{t('workspace.catalogue.intro', { network: networkName })}</p>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('workspace.catalogue.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          value={search}
          maxLength={100}
          aria-describedby={`${id}-search-hint`}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span id={`${id}-search-hint`} className="field__hint">
          {t('workspace.catalogue.searchHint')}
        </span>
      </div>
      <p role="status" className="small" data-testid="eurostat-count">
        {codes.isPending
          ? t('state.loading')
          : codes.isError
            ? ''
            : t('workspace.catalogue.found', { count: results.length })}
      </p>
      {codes.isError && (
        <p role="alert" className="field-error">
          {codes.error.message}
        </p>
      )}
      {results.length > 0 && (
        <fieldset className="eurostat-results">
          <legend>{t('workspace.catalogue.resultsLegend')}</legend>
          <ul data-testid="eurostat-results">
            {results.map((code) => {
              const s = code.suggestion;
              const usedBy = used.get(code.code);
              return (
                <li key={code.code}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(code.code)}
                      disabled={usedBy !== undefined}
                      aria-describedby={`${id}-${code.code}-about`}
                      onChange={() => toggle(code)}
                    />
                    <span>
                      {code.label} <span className="code">{code.code}</span>
                    </span>
                  </label>
                  <span id={`${id}-${code.code}-about`} className="field__hint">
                    {usedBy !== undefined
                      ? t('workspace.catalogue.used', { name: usedBy })
                      : s === null
                        ? t('workspace.catalogue.noSuggestion')
                        : t('workspace.catalogue.suggestion', {
                            target:
                              s.sdgIndicator === null
                                ? s.target
                                : `${s.target} (${s.sdgIndicator})`,
                            direction: directionWord(s.direction),
                            unit: s.unit,
                          })}
                  </span>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      <form ref={formRef} onSubmit={(e) => void submit(e)} className="eurostat-chosen" noValidate>
        <h3>{t('workspace.catalogue.chosenTitle', { count: list.length })}</h3>
        {list.length === 0 ? (
          <p className="muted">{t('workspace.catalogue.noneChosen')}</p>
        ) : (
          <ul data-testid="eurostat-chosen">
            {list.map((c) => {
              const entry = errors.get(c.code.code) ?? {};
              const field = `${id}-${c.code.code}`;
              const entryMessage = entry.code ?? entry.other;
              return (
                <li key={c.code.code} data-testid="eurostat-entry">
                  <p className="eurostat-entry__name">
                    <strong>{c.code.label}</strong> <span className="code">{c.code.code}</span>
                  </p>
                  {entryMessage !== undefined && (
                    <p className="field-error" tabIndex={-1} data-entry-error>
                      {entryMessage}
                    </p>
                  )}
                  <div className="eurostat-entry__fields">
                    <div className="field">
                      <label htmlFor={`${field}-target`}>
                        {t('workspace.catalogue.targetShort')}
                      </label>
                      <input
                        id={`${field}-target`}
                        aria-label={t('workspace.catalogue.target', { name: c.code.label })}
                        value={c.target}
                        maxLength={10}
                        inputMode="decimal"
                        placeholder="11.6"
                        aria-invalid={entry.target !== undefined ? true : undefined}
                        aria-describedby={
                          entry.target !== undefined ? `${field}-target-error` : undefined
                        }
                        onChange={(e) => edit(c.code.code, { target: e.target.value })}
                      />
                      {entry.target !== undefined && (
                        <span id={`${field}-target-error`} className="field__error">
                          {entry.target}
                        </span>
                      )}
                    </div>
                    <div className="field">
                      <label htmlFor={`${field}-direction`}>
                        {t('workspace.catalogue.directionShort')}
                      </label>
                      <select
                        className="select"
                        id={`${field}-direction`}
                        aria-label={t('workspace.catalogue.direction', { name: c.code.label })}
                        value={c.direction}
                        aria-invalid={entry.direction !== undefined ? true : undefined}
                        aria-describedby={
                          entry.direction !== undefined ? `${field}-direction-error` : undefined
                        }
                        onChange={(e) =>
                          edit(c.code.code, {
                            direction: e.target.value as Choice['direction'],
                          })
                        }
                      >
                        <option value="">{t('workspace.catalogue.chooseDirection')}</option>
                        <option value="increase">{t('progress.higherBetter')}</option>
                        <option value="decrease">{t('progress.lowerBetter')}</option>
                      </select>
                      {entry.direction !== undefined && (
                        <span id={`${field}-direction-error`} className="field__error">
                          {entry.direction}
                        </span>
                      )}
                    </div>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('workspace.catalogue.remove', { name: c.code.label })}
                      onClick={() => toggle(c.code)}
                    >
                      {t('workspace.catalogue.removeShort')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {failure !== null && (
          <p role="alert" className="field-error" tabIndex={-1} data-testid="eurostat-failure">
            {failure}
          </p>
        )}
        <button type="submit" className="button" disabled={busy || list.length === 0}>
          {t('workspace.catalogue.add', { count: list.length })}
        </button>
      </form>
      {added !== null && (
        <div role="status" className="notice" data-testid="eurostat-added">
          <p>{t('workspace.catalogue.added', { count: added.length, network: networkName })}</p>
          <ul>
            {added.map((i) => (
              <li key={i.slug}>
                {i.name} <span className="code">{i.slug}</span>
                {i.unit !== '' && <> · {i.unit}</>}
                {i.sdgLinks[0] !== undefined && (
                  <> · {t('sdg.target', { code: i.sdgLinks[0].target })}</>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {codes.data !== undefined && (
        <p className="muted small" data-testid="eurostat-attribution">
          {codes.data.attribution}
        </p>
      )}
    </section>
  );
}
