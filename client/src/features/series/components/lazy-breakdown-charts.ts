import { lazy } from 'react';

// recharts is downloaded only when a breakdown chart is on screen.
export const LazyBreakdownLinesChart = lazy(() =>
  import('./breakdown-charts').then((m) => ({ default: m.BreakdownLinesChart })),
);
export const LazyBreakdownBarsChart = lazy(() =>
  import('./breakdown-charts').then((m) => ({ default: m.BreakdownBarsChart })),
);
