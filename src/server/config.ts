/** The one place that reads the environment: every setting, parsed and checked once. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Public address used in QR codes and links (receipts, e-license verification). */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  catalogueDir: string;
  /** 32-byte hex master key for SM4 field encryption and blind indexes. */
  fieldKeyHex: string;
  sessionHours: number;
  /** Session cookies carry Secure; browsers accept that on https and on localhost. */
  cookieSecure: boolean;
  lockout: { maxFailures: number; minutes: number };
  uploads: { maxBytes: number; types: string[] };
  rectificationWorkingDays: number;
  webhook: { maxAttempts: number; baseDelayMs: number };
  /** Demo accounts and shared data are seeded on start. */
  seedDemo: boolean;
  logLevel: string;
  /** Largest JSON body a route takes unless it says otherwise (uploads and catalogue imports do). */
  bodyLimitBytes: number;
  /** Requests per minute; `enabled: false` only for load tests on a closed network. */
  rateLimit: { enabled: boolean; loginPerAddress: number; loginPerAccount: number; anonymousPerAddress: number; documentsPerAddress: number };
  /** Fastify's trustProxy: the balancer's addresses (or true), so per-address limits see the client's address. */
  trustProxy: boolean | string;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`环境变量 ${name} 应为不小于 ${min} 的整数，实际为「${raw}」`);
  return n;
}

const TRUE = new Set(['on', 'true', '1', 'yes']);
const FALSE = new Set(['off', 'false', '0', 'no']);

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new ConfigError(`环境变量 ${name} 应为 on/off（或 true/false、1/0），实际为「${env[name]}」`);
}

function trustProxy(raw: string | undefined): boolean | string {
  const value = (raw ?? '').trim();
  if (value === '' || FALSE.has(value.toLowerCase())) return false;
  if (TRUE.has(value.toLowerCase())) return true;
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../..');
  const dataDir = path.resolve(env.ONETHING_DATA_DIR ?? path.join(root, 'data'));
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL 只支持 postgres:// 地址；不设置时使用内置 SQLite');
  const port = int(env, 'PORT', 3000);
  const fieldKeyHex = env.ONETHING_FIELD_KEY ?? '';
  if (fieldKeyHex !== '' && !/^[0-9a-f]{64}$/i.test(fieldKeyHex)) throw new ConfigError('ONETHING_FIELD_KEY 应为 64 位十六进制（32 字节）');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: (env.ONETHING_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir,
    databaseUrl,
    catalogueDir: path.resolve(env.ONETHING_CATALOG_DIR ?? path.join(root, 'catalog')),
    fieldKeyHex,
    sessionHours: int(env, 'ONETHING_SESSION_HOURS', 8, 1),
    cookieSecure: bool(env, 'ONETHING_COOKIE_SECURE', true),
    lockout: { maxFailures: int(env, 'ONETHING_LOCKOUT_FAILURES', 5, 1), minutes: int(env, 'ONETHING_LOCKOUT_MINUTES', 15, 1) },
    uploads: {
      maxBytes: int(env, 'ONETHING_UPLOAD_MAX_BYTES', 10 * 1024 * 1024, 1),
      types: (env.ONETHING_UPLOAD_TYPES ?? 'application/pdf,image/jpeg,image/png').split(',').map((t) => t.trim()).filter(Boolean),
    },
    rectificationWorkingDays: int(env, 'ONETHING_RECTIFICATION_DAYS', 15, 1),
    webhook: { maxAttempts: int(env, 'ONETHING_WEBHOOK_ATTEMPTS', 8, 1), baseDelayMs: int(env, 'ONETHING_WEBHOOK_BASE_DELAY_MS', 1000, 1) },
    seedDemo: bool(env, 'ONETHING_SEED_DEMO', true),
    logLevel: env.LOG_LEVEL ?? 'warn',
    bodyLimitBytes: int(env, 'ONETHING_BODY_LIMIT_BYTES', 64 * 1024, 1024),
    rateLimit: {
      enabled: bool(env, 'ONETHING_RATE_LIMIT', true),
      loginPerAddress: int(env, 'ONETHING_RATE_LOGIN_PER_ADDRESS', 30, 1),
      loginPerAccount: int(env, 'ONETHING_RATE_LOGIN_PER_ACCOUNT', 10, 1),
      anonymousPerAddress: int(env, 'ONETHING_RATE_ANONYMOUS_PER_ADDRESS', 120, 1),
      documentsPerAddress: int(env, 'ONETHING_RATE_DOCUMENTS_PER_ADDRESS', 20, 1),
    },
    trustProxy: trustProxy(env.ONETHING_TRUST_PROXY),
  };
}
