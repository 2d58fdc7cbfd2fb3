import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { embedScriptSchema, type EmbedScriptInfo } from '../../protocol/embed';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { sqliteTestStore, type TestStore } from '../test-support/test-stores';

// Not ASCII, so a server that re-encoded the text would fail the integrity check.
const SCRIPT = Buffer.from('"use strict";window.Payframe={greeting:"Grüß dich"};\n', 'utf8');
const MODULE = Buffer.from('export const greeting = "Grüß dich";\n', 'utf8');
const sha384 = (bytes: Buffer) => createHash('sha384').update(bytes);

let store: TestStore;
let server: TestServer;
let info: EmbedScriptInfo;

beforeAll(async () => {
  const embedDir = mkdtempSync(join(tmpdir(), 'payframe-embed-'));
  writeFileSync(join(embedDir, 'embed.js'), SCRIPT);
  writeFileSync(join(embedDir, 'embed.mjs'), MODULE);
  store = await sqliteTestStore();
  server = await startTestServer(store, { embedDir });
  info = embedScriptSchema.parse(await (await fetch(`${server.url}/v1/embed`)).json());
});
afterAll(async () => {
  await server.close();
  await store.dispose();
});

/** The path of a published URL, fetched from the test server (published URLs name PUBLIC_URL). */
const fetchPublished = (url: string) => fetch(`${server.url}${new URL(url).pathname}`);

describe('GET /v1/embed', () => {
  it('answers without a key both URLs, the integrity and the release', async () => {
    const response = await fetch(`${server.url}/v1/embed`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const publicUrl = server.services.config.publicUrl;
    expect(info).toEqual({
      object: 'embed_script',
      url: `${publicUrl}/embed.js`,
      versioned_url: expect.stringMatching(/\/embed\/v1\.[0-9a-f]{16}\.js$/),
      integrity: expect.stringMatching(/^sha384-/),
      version: packageJson.version,
    });
    expect(info.versioned_url.startsWith(`${publicUrl}/embed/`)).toBe(true);
  });

  it('names the versioned URL after the content of the script', () => {
    const hash = sha384(SCRIPT).digest('hex').slice(0, 16);
    expect(new URL(info.versioned_url).pathname).toBe(`/embed/v1.${hash}.js`);
  });
});

describe('GET /embed/v1.{hash}.js', () => {
  it('serves the exact bytes of embed.js, which the published integrity verifies', async () => {
    const response = await fetchPublished(info.versioned_url);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(SCRIPT)).toBe(true);
    expect(info.integrity).toBe(`sha384-${sha384(bytes).digest('base64')}`);
  });

  it('is cached for a year as immutable, and readable cross-origin as JavaScript', async () => {
    const response = await fetchPublished(info.versioned_url);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 for any other hash, not the current script', async () => {
    const other = sha384(Buffer.from('an older build')).digest('hex').slice(0, 16);
    for (const path of [`/embed/v1.${other}.js`, '/embed/v1.js', '/embed/v2.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('not_found');
    }
  });
});

describe('GET /embed.js', () => {
  it('serves the same bytes with a short cache, so pages on it get fixes', async () => {
    const response = await fetchPublished(info.url);
    expect(Buffer.from(await response.arrayBuffer()).equals(SCRIPT)).toBe(true);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('GET /embed.mjs', () => {
  it('serves the ES module build as JavaScript, readable cross-origin, following updates', async () => {
    const response = await fetch(`${server.url}/embed.mjs`);
    expect(Buffer.from(await response.arrayBuffer()).equals(MODULE)).toBe(true);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });
});

describe('without a built script', () => {
  it('answers internal_error for the script and its description', async () => {
    const empty = await startTestServer(store, {
      embedDir: mkdtempSync(join(tmpdir(), 'payframe-embed-')),
    });
    try {
      for (const path of ['/embed.js', '/embed.mjs', '/v1/embed']) {
        const response = await fetch(`${empty.url}${path}`);
        expect(response.status, path).toBe(500);
        expect(((await response.json()) as { code: string }).code).toBe('internal_error');
      }
    } finally {
      await empty.close();
    }
  });
});
