/**
 * A card as the vault sealed and fingerprinted it before key ids (format v1), for tests that old
 * rows still open and rotate. Written by that code, so it checks compatibility, not our reading of it.
 */
export const V1_FIXTURE = {
  key: Buffer.alloc(32, 7).toString('base64'),
  pan: '4242424242424242',
  sealed: 'v1.Radk0-K4RGSvbOLo.hGIxvhm3nupKtEsPQJ6hng.skX__ubCgBYuwmCQGG6ZlQ',
  fingerprint: 'EYtt8KdACxm5lJIcD0dzaHjsl-M5TLKGQad1at6dKrA',
} as const;
