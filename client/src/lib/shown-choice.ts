import { useState } from 'react';

/**
 * A choice kept in the URL, as a control shows it: the reader's pick at once.
 * The router renders a URL change in a transition, so until it commits the page
 * still passes the old value; a controlled radio or checkbox would snap back to it
 * (on a slow machine for a noticeable while). The pick is shown until the page's
 * value changes, then the page's value is shown again.
 */
export function useShownChoice<T>(value: T, onChange: (value: T) => void): [T, (value: T) => void] {
  // The pick, and the page's value it was made against: once that changes, the page leads.
  const [picked, setPicked] = useState<{ value: T; over: T } | null>(null);
  const live = picked !== null && Object.is(picked.over, value);
  if (picked !== null && !live) setPicked(null);
  return [
    live ? picked.value : value,
    (next: T) => {
      setPicked({ value: next, over: value });
      onChange(next);
    },
  ];
}
