/**
 * The one configuration module. Every setting comes from the environment, has a documented
 * default and is validated here; `loadConfig` collects *every* problem before refusing to start,
 * so an operator fixes a bad deployment in one go.
 */
import path from 'node:path';

export interface Config {
  /** PORT — TCP port for HTTP and WebSocket. Default 3000; 0 picks a free port (tests). */
  port: number;
  /** HOST — interface to bind. Default 0.0.0.0. */
  host: string;
  /** PARLEY_DATA_DIR — where the embedded SQLite database lives. Default ./data. */
  dataDir: string;
  /** DATABASE_URL — postgres://… switches storage to PostgreSQL; unset = SQLite in dataDir. */
  databaseUrl: string | null;
  /** REDIS_URL — redis://… switches cross-node fan-out to Redis pub/sub; unset = in-process. */
  redisUrl: string | null;
  /**
   * PARLEY_PUBLIC_URL — the URL people reach Parley on (used in the embed snippet, invite links
   * and the agent socket origin check). Default http://localhost:PORT.
   */
  publicUrl: string;
  /** PARLEY_ADMIN_EMAIL + PARLEY_ADMIN_PASSWORD — first admin; both or neither. */
  adminEmail: string | null;
  adminPassword: string | null;
  /** LOG_LEVEL — pino level. Default info. */
  logLevel: string;
  /** PARLEY_SESSION_DAYS — how long an inbox sign-in lasts. Default 14. */
  sessionDays: number;
  /** PARLEY_LOGIN_RATE_LIMIT — sign-in attempts per minute per client address. Default 30. */
  loginRateLimit: number;
  /**
   * PARLEY_STREAMS_PER_ADDRESS — open widget availability streams one client address may hold on
   * a node. Default 100: many visitors can share an office's address, but one client cannot hold
   * the node's connections.
   */
  streamsPerAddress: number;
  /**
   * PARLEY_TRUST_PROXY — true when Parley runs behind a reverse proxy that sets
   * X-Forwarded-For; only then are forwarded client addresses believed (rate limits). Default false.
   */
  trustProxy: boolean;
  /** PARLEY_METRICS_TOKEN — bearer token for /metrics from non-loopback scrapers. Default none (loopback only). */
  metricsToken: string | null;
  /** SMTP_URL — smtp://user:pass@host:port (or smtps://) for missed-chat email. Unset = no email. */
  smtpUrl: string | null;
  /** SMTP_FROM — sender of Parley's email. Default "Parley <parley@localhost>". */
  smtpFrom: string;
  /** PARLEY_AWAY_AFTER_MISSED_OFFERS — offers a user may let expire in a row before being set away (R3). Default 3. */
  awayAfterMissedOffers: number;
  /** PARLEY_PRESENCE_GRACE_SECONDS — how long a user with no live inbox connection still counts as connected (I2). Default 60. */
  presenceGraceSeconds: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = text(name);
    if (raw === null) return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const port = integer('PORT', 3000, 0, 65535);
  const host = text('HOST') ?? '0.0.0.0';
  const dataDir = path.resolve(text('PARLEY_DATA_DIR') ?? './data');
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const publicUrlRaw = url('PARLEY_PUBLIC_URL', ['http:', 'https:']);
  const adminEmail = text('PARLEY_ADMIN_EMAIL');
  const adminPassword = text('PARLEY_ADMIN_PASSWORD');
  if ((adminEmail === null) !== (adminPassword === null)) {
    problems.push('PARLEY_ADMIN_EMAIL and PARLEY_ADMIN_PASSWORD must be set together');
  }
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    problems.push('PARLEY_ADMIN_EMAIL is not an email address');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    problems.push('PARLEY_ADMIN_PASSWORD must be at least 8 characters');
  }
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const sessionDays = integer('PARLEY_SESSION_DAYS', 14, 1, 365);
  const loginRateLimit = integer('PARLEY_LOGIN_RATE_LIMIT', 30, 1, 1_000_000);
  const streamsPerAddress = integer('PARLEY_STREAMS_PER_ADDRESS', 100, 1, 1_000_000);
  const trustProxyRaw = text('PARLEY_TRUST_PROXY') ?? 'false';
  if (!['true', 'false'].includes(trustProxyRaw)) problems.push('PARLEY_TRUST_PROXY must be true or false');

  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const awayAfterMissedOffers = integer('PARLEY_AWAY_AFTER_MISSED_OFFERS', 3, 1, 100);
  const presenceGraceSeconds = integer('PARLEY_PRESENCE_GRACE_SECONDS', 60, 0, 3600);

  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = (publicUrlRaw ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port, host, dataDir, databaseUrl, redisUrl, publicUrl, adminEmail, adminPassword, logLevel, sessionDays, loginRateLimit, streamsPerAddress, trustProxy: trustProxyRaw === 'true', metricsToken: text('PARLEY_METRICS_TOKEN'),
    smtpUrl,
    smtpFrom: text('SMTP_FROM') ?? 'Parley <parley@localhost>',
    awayAfterMissedOffers,
    presenceGraceSeconds,
  };
}
