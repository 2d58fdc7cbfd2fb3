/**
 * Test-only control protocol between a test (playing the host page) and `test-frame.html`
 * (playing the checkout frame). It travels as window messages next to the real handshake, always
 * to an exact origin, so the fixture works across origins.
 */
export const FIXTURE = 'payframe-test-fixture';
export const FIXTURE_PATH = '/src/messaging/test-fixtures/test-frame.html';

/** What the fixture frame tells the test. */
export type FixtureReport =
  | { fixture: typeof FIXTURE; event: 'announced' }
  | { fixture: typeof FIXTURE; event: 'connected' }
  | { fixture: typeof FIXTURE; event: 'failed'; message: string }
  | { fixture: typeof FIXTURE; event: 'received'; message: unknown }
  | { fixture: typeof FIXTURE; event: 'rejected'; reason: string; data: unknown }
  | { fixture: typeof FIXTURE; event: 'done'; id: number };

/** What the test asks the fixture frame to do; each command is acknowledged with `done`. */
export type FixtureCommand = { fixture: typeof FIXTURE; id: number } & (
  | { command: 'send'; message: unknown }
  | { command: 'dispose' }
  | {
      command: 'post';
      /** `parent`, or the index of a sibling frame in `parent.frames`. */
      target: 'parent' | number;
      targetOrigin: string;
      data: unknown;
      withPort: boolean;
    }
);
