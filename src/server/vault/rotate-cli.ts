import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadVaultEnv } from '../env';
import { openStore } from '../store/open-store';
import { rotateVault } from './rotate-vault';
import { createVault } from './vault';

/**
 * `npm run vault:rotate`: moves every vaulted card to the first key of `PAYFRAME_VAULT_KEY`, on the
 * database the server uses (`PAYFRAME_DATABASE_URL`, else `<PAYFRAME_DATA_DIR>/payframe.db`).
 * Prints one line of counts and key ids, never a key or a card; exits 1 when a card is left behind.
 */
async function main(): Promise<number> {
  const source = { ...process.env };
  // As `npm start` does: the development key list lives in the data folder.
  const keyFile = join(source.PAYFRAME_DATA_DIR || 'data', 'vault.key');
  if (!source.PAYFRAME_VAULT_KEY && existsSync(keyFile)) {
    source.PAYFRAME_VAULT_KEY = readFileSync(keyFile, 'utf8').trim();
  }
  const env = loadVaultEnv(source);
  const sqliteFile = join(env.PAYFRAME_DATA_DIR, 'payframe.db');
  if (!env.PAYFRAME_DATABASE_URL && !existsSync(sqliteFile)) {
    throw new Error(
      `No database at ${sqliteFile} (set PAYFRAME_DATABASE_URL or PAYFRAME_DATA_DIR)`,
    );
  }
  const vault = createVault(env.PAYFRAME_VAULT_KEY);
  const store = openStore({
    ...(env.PAYFRAME_DATABASE_URL ? { databaseUrl: env.PAYFRAME_DATABASE_URL } : {}),
    sqliteFile,
  });
  try {
    const report = await rotateVault(store.db, vault);
    for (const failure of report.failures) {
      console.error(`vault card ${failure.id} not rotated: ${failure.reason}`);
    }
    console.log(
      `vault rotation to key ${vault.keyIds[0]}: scanned ${report.scanned}, rotated ${report.rotated}, ` +
        `failed ${report.failed}, ${report.remaining} left under other keys`,
    );
    return report.failed > 0 || report.remaining > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
