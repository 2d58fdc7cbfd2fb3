/**
 * A clock tests and merchants in test mode can move forward, to exercise authorization expiry
 * and other deadlines without waiting. It is per process and shared by every app, which is why
 * it exists only when `PAYFRAME_ENABLE_TEST_CLOCK` is set.
 */
export class TestClock {
  private offsetMs = 0;

  readonly now = (): number => Date.now() + this.offsetMs;

  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }
}
