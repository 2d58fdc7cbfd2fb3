/** How long the frame waits for the host's `payframe:connect` after announcing itself. */
export const HANDSHAKE_TIMEOUT_MS = 10_000;
export const HANDSHAKE_TIMEOUT = 'handshake_timeout';
