import { describe, expect, it, vi } from 'vitest';
import type { ThreeDsMethodCompletion } from '../protocol/three-ds';
import { runAfterPaint, type ThreeDsMethodRun } from './three-ds-method';

/** A method run the test finishes itself. */
function fakeRun() {
  let finish!: (completion: ThreeDsMethodCompletion) => void;
  const run: ThreeDsMethodRun = {
    done: new Promise((resolve) => (finish = resolve)),
    dispose: vi.fn(),
  };
  return { run, finish };
}

describe('runAfterPaint', () => {
  it('starts the method step after the next frame, not in the update that showed the form', async () => {
    // The frame is the test's to give: until it comes, only the (long) time limit could start it.
    const frames: FrameRequestCallback[] = [];
    const request = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback);
      return frames.length;
    });
    try {
      const { run, finish } = fakeRun();
      const start = vi.fn(() => run);
      const deferred = runAfterPaint(start, 60_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(start).not.toHaveBeenCalled();
      expect(frames).toHaveLength(1);
      frames[0]!(performance.now());
      // Not inside the frame callback either: in a task after it, once the frame is painted.
      expect(start).not.toHaveBeenCalled();
      await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1));
      finish('Y');
      expect(await deferred.done).toBe('Y');
    } finally {
      request.mockRestore();
    }
  });

  it('starts within its time limit where no frame comes', async () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      const { run, finish } = fakeRun();
      const start = vi.fn(() => run);
      const deferred = runAfterPaint(start, 20);
      await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1));
      finish('N');
      expect(await deferred.done).toBe('N');
    } finally {
      frames.mockRestore();
    }
  });

  it('never starts once disposed, and a confirm waiting on it goes on with N', async () => {
    const start = vi.fn(() => fakeRun().run);
    const deferred = runAfterPaint(start, 20);
    deferred.dispose();
    expect(await deferred.done).toBe('N');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(start).not.toHaveBeenCalled();
  });

  it('disposes a step that started', async () => {
    const { run } = fakeRun();
    const start = vi.fn(() => run);
    const deferred = runAfterPaint(start, 0);
    await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1));
    expect(run.dispose).not.toHaveBeenCalled();
    deferred.dispose();
    expect(run.dispose).toHaveBeenCalledTimes(1);
  });
});
