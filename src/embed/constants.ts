/**
 * How long the host waits, from mounting the frame, for the frame's `ready` (or a result) before
 * it reports `frame_load_failed`. Covers loading the frame page and its checkout lookup; longer
 * than the frame's own handshake timeout so the frame gives up first.
 */
export const FRAME_LOAD_TIMEOUT_MS = 15_000;

/** Height of the inline frame until it reports its own, in CSS pixels. */
export const INITIAL_FRAME_HEIGHT = 320;

export const FRAME_LOAD_FAILED_MESSAGE = 'The checkout could not be loaded.';

/** How long an overlay shows the checkout's final screen before it closes by itself. */
export const OVERLAY_RESULT_MS = 1500;
