import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config/config.js';

test('defaults need no environment at all', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.databaseUrl, null);
  assert.equal(config.redisUrl, null);
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.match(config.dataDir, /data$/);
});

test('bad configuration lists every problem at once', () => {
  let error: unknown;
  try {
    loadConfig({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      REDIS_URL: 'not a url',
      PARLEY_PUBLIC_URL: 'ftp://example.com',
      PARLEY_ADMIN_EMAIL: 'nobody',
      LOG_LEVEL: 'loud',
    });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof ConfigError);
  const problems = error.problems.join('\n');
  for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'PARLEY_PUBLIC_URL', 'PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD', 'LOG_LEVEL']) {
    assert.ok(problems.includes(name), `mentions ${name}: ${problems}`);
  }
  assert.ok(error.problems.length >= 6);
});

test('postgres and redis URLs switch drivers; the public URL loses its trailing slash', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://u@db:5432/parley',
    REDIS_URL: 'redis://cache:6379',
    PARLEY_PUBLIC_URL: 'https://chat.example.com/',
    PARLEY_ADMIN_EMAIL: 'a@example.com',
    PARLEY_ADMIN_PASSWORD: 'long-enough',
  });
  assert.equal(config.databaseUrl, 'postgres://u@db:5432/parley');
  assert.equal(config.redisUrl, 'redis://cache:6379');
  assert.equal(config.publicUrl, 'https://chat.example.com');
});
