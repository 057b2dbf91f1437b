import { afterEach, beforeEach, vi } from 'vitest';

// A test that makes the code print an error it did not expect fails: errors are never noise.
let unexpectedErrors: unknown[][] = [];

beforeEach(() => {
  unexpectedErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    unexpectedErrors.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (unexpectedErrors.length > 0) {
    throw new Error(`console.error appelé pendant le test :\n${unexpectedErrors.map((args) => args.map(String).join(' ')).join('\n')}`);
  }
});
