import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// findBy…/waitFor give up after 5 s instead of 1 s: pages load lazy chunks
// (charts) and, on a loaded CI machine, a correct page can take over a
// second to settle. A page that never shows what is awaited still fails.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
