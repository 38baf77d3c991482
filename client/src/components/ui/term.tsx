import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalLink } from './local-link';

/**
 * A piece of jargon with its one-line explanation: a "?" button after the
 * term shows the explanation and a link to the methodology section on hover,
 * on keyboard focus or on a tap (Escape hides it again). The explanation is
 * the button's accessible description, and it stays in the page for screen
 * readers; the link can be reached with Tab while it is shown.
 */
export function Term({
  children,
  term,
  explanation,
  anchor,
}: {
  /** What is shown (the label or figure). */
  children: ReactNode;
  /** The term's name, for the button's label ("What does … mean?"). */
  term: string;
  explanation: string;
  /** The methodology page's section, without '#'. */
  anchor: string;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [pinned, setPinned] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = !dismissed && (hovered || focused || pinned);
  return (
    <span
      className="term"
      data-testid="term"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => {
        setHovered(false);
        setDismissed(false);
      }}
      onFocus={() => {
        // Focus moving to the button or the link shows the explanation again after an Escape.
        setFocused(true);
        setDismissed(false);
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) {
          setFocused(false);
          setPinned(false);
          setDismissed(false);
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setDismissed(true);
          setPinned(false);
        }
      }}
    >
      {children}
      <button
        type="button"
        className="term__button"
        aria-label={t('terms.about', { term })}
        aria-describedby={id}
        aria-expanded={open}
        onClick={() => {
          setDismissed(false);
          setPinned(!pinned);
        }}
      >
        <span aria-hidden="true">?</span>
      </button>
      <span id={id} className={open ? 'term__tip term__tip--open' : 'term__tip'}>
        {explanation}{' '}
        <LocalLink to={`/methodology#${anchor}`} className="term__link">
          {t('terms.more')}
        </LocalLink>
      </span>
    </span>
  );
}
