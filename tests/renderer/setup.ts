import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI machines are small and shared: give findBy*/waitFor more than the default second before they
// give up. Nothing here waits on time for its result; it only stops waiting later.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
