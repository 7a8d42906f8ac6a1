/**
 * The one configuration module. Every setting comes from the environment, has a documented
 * default and is validated here; `loadConfig` collects *every* problem before refusing to start,
 * so an operator fixes a bad deployment in one go.
 */
import path from 'node:path';
import { passwordProblem } from '../domain/users/passwordPolicy.js';

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
   * PARLEY_LOGIN_FAILURES_PER_ACCOUNT — failed sign-ins for one email (on any node, with no
   * 15-minute quiet spell between them) before that email is locked for 1 minute, doubling with
   * each further failure up to 15 minutes. Default 5.
   */
  loginFailuresPerAccount: number;
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
  /** PARLEY_SOCKETS_PER_ADDRESS — open realtime sockets one client address may hold on a node; more are closed with 4429. Default 200. */
  socketsPerAddress: number;
  /** PARLEY_RESUME_TIMEOUT_SECONDS — a socket that sends no session.resume within this is closed with 4408. Default 10. */
  resumeTimeoutSeconds: number;
  /** PARLEY_SOCKET_BUFFER_BYTES — unsent bytes a socket may queue before the node drops it (the client resumes). Default 4 MiB. */
  socketBufferBytes: number;
  /** PARLEY_SESSION_RECHECK_SECONDS — how often open inbox sockets re-check their session in storage (a safety net for lost sign-out signals). Default 30. */
  sessionRecheckSeconds: number;
  /**
   * Write limits per sender, token buckets per node: PARLEY_VISITOR_MESSAGE_BURST (20) and
   * PARLEY_VISITOR_MESSAGES_PER_MINUTE (300), PARLEY_USER_MESSAGE_BURST (60) and
   * PARLEY_USER_MESSAGES_PER_MINUTE (600), PARLEY_CONTEXT_UPDATE_BURST (20) and
   * PARLEY_CONTEXT_UPDATES_PER_MINUTE (120). Beyond them writes are refused with rate_limited.
   */
  writeLimits: WriteLimitsConfig;
  /**
   * PARLEY_BRANDING_IMAGE_MAX_BYTES — largest branding image (W2) an admin may upload; Parley
   * keeps uploads in its database and serves them to every visitor. Default 1048576 (1 MiB).
   */
  brandingImageMaxBytes: number;
  /**
   * PARLEY_ATTACHMENT_MAX_BYTES — largest file a visitor or user may send in a chat (W12, I6).
   * Kept in the data directory on SQLite and in the database on PostgreSQL, so every node serves
   * it. Default 10485760 (10 MiB), at most 100 MiB.
   */
  attachmentMaxBytes: number;
}

export interface RateConfig {
  burst: number;
  perMinute: number;
}

export interface WriteLimitsConfig {
  visitorMessages: RateConfig;
  userMessages: RateConfig;
  contextUpdates: RateConfig;
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
  const adminPasswordProblem = adminPassword === null ? null : passwordProblem(adminPassword);
  if (adminPasswordProblem !== null) problems.push(`PARLEY_ADMIN_PASSWORD is refused: ${adminPasswordProblem}`);
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const sessionDays = integer('PARLEY_SESSION_DAYS', 14, 1, 365);
  const loginRateLimit = integer('PARLEY_LOGIN_RATE_LIMIT', 30, 1, 1_000_000);
  const loginFailuresPerAccount = integer('PARLEY_LOGIN_FAILURES_PER_ACCOUNT', 5, 1, 1000);
  const streamsPerAddress = integer('PARLEY_STREAMS_PER_ADDRESS', 100, 1, 1_000_000);
  const trustProxyRaw = text('PARLEY_TRUST_PROXY') ?? 'false';
  if (!['true', 'false'].includes(trustProxyRaw)) problems.push('PARLEY_TRUST_PROXY must be true or false');

  const smtpUrl = url('SMTP_URL', ['smtp:', 'smtps:']);
  const awayAfterMissedOffers = integer('PARLEY_AWAY_AFTER_MISSED_OFFERS', 3, 1, 100);
  const presenceGraceSeconds = integer('PARLEY_PRESENCE_GRACE_SECONDS', 60, 0, 3600);
  const socketsPerAddress = integer('PARLEY_SOCKETS_PER_ADDRESS', 200, 1, 10_000_000);
  const resumeTimeoutSeconds = integer('PARLEY_RESUME_TIMEOUT_SECONDS', 10, 1, 600);
  const socketBufferBytes = integer('PARLEY_SOCKET_BUFFER_BYTES', 4 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024);
  const sessionRecheckSeconds = integer('PARLEY_SESSION_RECHECK_SECONDS', 30, 1, 3600);
  const brandingImageMaxBytes = integer('PARLEY_BRANDING_IMAGE_MAX_BYTES', 1024 * 1024, 1024, 16 * 1024 * 1024);
  const attachmentMaxBytes = integer('PARLEY_ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024);
  const rate = (burstName: string, burst: number, perMinuteName: string, perMinute: number): RateConfig => ({
    burst: integer(burstName, burst, 1, 1_000_000_000),
    perMinute: integer(perMinuteName, perMinute, 1, 1_000_000_000),
  });
  const writeLimits: WriteLimitsConfig = {
    visitorMessages: rate('PARLEY_VISITOR_MESSAGE_BURST', 20, 'PARLEY_VISITOR_MESSAGES_PER_MINUTE', 300),
    userMessages: rate('PARLEY_USER_MESSAGE_BURST', 60, 'PARLEY_USER_MESSAGES_PER_MINUTE', 600),
    contextUpdates: rate('PARLEY_CONTEXT_UPDATE_BURST', 20, 'PARLEY_CONTEXT_UPDATES_PER_MINUTE', 120),
  };

  if (problems.length > 0) throw new ConfigError(problems);
  const publicUrl = (publicUrlRaw ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    port, host, dataDir, databaseUrl, redisUrl, publicUrl, adminEmail, adminPassword, logLevel, sessionDays, loginRateLimit, loginFailuresPerAccount, streamsPerAddress, trustProxy: trustProxyRaw === 'true', metricsToken: text('PARLEY_METRICS_TOKEN'),
    smtpUrl,
    smtpFrom: text('SMTP_FROM') ?? 'Parley <parley@localhost>',
    awayAfterMissedOffers,
    presenceGraceSeconds,
    socketsPerAddress,
    resumeTimeoutSeconds,
    socketBufferBytes,
    sessionRecheckSeconds,
    writeLimits,
    brandingImageMaxBytes,
    attachmentMaxBytes,
  };
}
