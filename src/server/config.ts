/** The one place that reads the environment: every setting, parsed and checked once. */
import { isIP } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  /** Public address used in QR codes and links (receipts, e-license verification). */
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | null;
  catalogueDir: string;
  /** 32-byte hex master key for SM4 field encryption and blind indexes ('' when not configured). */
  fieldKeyHex: string;
  /** Where uploaded files go: the data folder, or an S3-compatible bucket shared by every process. */
  files: FilesConfig;
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
  rateLimit: { enabled: boolean; loginPerAddress: number; loginPerAccount: number; anonymousPerAddress: number; documentsPerAddress: number; progressPerAddress: number };
  /** Fastify's trustProxy: the balancer's addresses (or true), so per-address limits see the client's address. */
  trustProxy: boolean | string;
  /** Who may read /metrics: a bearer token (null: none) and/or addresses and CIDR ranges (empty: none). */
  metrics: { token: string | null; allow: string[] };
  /** How long a SIGTERM may take to drain requests and the workers before the process exits anyway. */
  shutdownSeconds: number;
  /** Log-in through the unified identity service (OpenID Connect), per audience; null: off (local passwords only). */
  oidc: { applicant: OidcConfig | null; staff: OidcConfig | null };
  /** Where applicants pay fees: null, at the window (the default); or a 统一公共支付平台 (src/server/modules/fees/adapter.ts). */
  paymentPlatform: { url: string; secret: string; name: string } | null;
  /** 智能预审: the OCR engine run as a child process (auto: on when the binary answers), PDF pages read, time limit per call. */
  ocr: { mode: 'on' | 'off' | 'auto'; tesseract: string; pdftoppm: string; languages: string; pages: number; timeoutSeconds: number };
  /** Which role gives a department's official opinion on a catalogue draft: every department's, and per department. */
  opinionRoles: { all: 'lead' | 'reviewer'; byDepartment: Record<string, 'lead' | 'reviewer'> };
}

/** Which claim of the identity service holds what onething needs (names of claims, not values). */
export interface OidcClaimMap {
  name: string;
  /** 公民身份号码; hashed and encrypted on arrival, never stored as given. */
  idNumber: string;
  /** 实名等级 (a number, or text holding one, such as "L3"). */
  level: string;
  phone: string;
  /** Set when the log-in is an enterprise's own (电子营业执照): its credit code and name. */
  enterpriseUscc: string;
  enterpriseName: string;
  /** The enterprises the person may act for (法人切换): a list of { uscc, name }. */
  enterprises: string;
  /** Staff: the claim naming the existing local account. */
  username: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scopes: string;
  claims: OidcClaimMap;
  /** The lowest 实名等级 accepted (0: any). */
  minLevel: number;
}

export type FilesConfig = { kind: 'local' } | {
  kind: 's3';
  /** null: the SDK's AWS address for the region. */
  endpoint: string | null;
  region: string;
  bucket: string;
  /** Ends with '/' unless empty; lets several deployments share a bucket. */
  prefix: string;
  /** null: the SDK's default chain (AWS_* variables, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null;
  forcePathStyle: boolean;
};

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

/** Addresses and CIDR ranges, comma-separated; `none` for none. */
function addressList(env: NodeJS.ProcessEnv, name: string, fallback: string[]): string[] {
  const raw = (env[name] ?? '').trim();
  if (raw === '') return fallback;
  if (raw.toLowerCase() === 'none') return [];
  return raw.split(',').map((a) => a.trim()).filter(Boolean).map((entry) => {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (family === 0 || !okBits || extra !== undefined) throw new ConfigError(`环境变量 ${name} 中「${entry}」不是地址或 CIDR 网段（例如 10.0.0.0/8）`);
    return entry;
  });
}

const HEX_KEY = /^[0-9a-f]{64}$/i;

/** ONETHING_FIELD_KEY holds the key itself, or names a file that does (a mounted secret, an old data/field.key). */
function fieldKey(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  if (value === '' || HEX_KEY.test(value)) return value;
  let content: string;
  try {
    content = fs.readFileSync(path.resolve(value), 'utf8').trim();
  } catch {
    throw new ConfigError(`ONETHING_FIELD_KEY 应为 64 位十六进制（32 字节），或存放密钥的文件路径；读不到文件「${value}」`);
  }
  if (!HEX_KEY.test(content)) throw new ConfigError(`密钥文件「${value}」的内容应为 64 位十六进制（32 字节）`);
  return content;
}

function files(env: NodeJS.ProcessEnv): FilesConfig {
  const bucket = (env.ONETHING_S3_BUCKET ?? '').trim();
  const kind = (env.ONETHING_FILES ?? '').trim().toLowerCase() || (bucket ? 's3' : 'local');
  if (kind === 'local') return { kind };
  if (kind !== 's3') throw new ConfigError(`环境变量 ONETHING_FILES 应为 local 或 s3，实际为「${env.ONETHING_FILES}」`);
  if (!bucket) throw new ConfigError('ONETHING_FILES=s3 时须设置 ONETHING_S3_BUCKET（存放上传文件的桶）');
  const endpoint = (env.ONETHING_S3_ENDPOINT ?? '').trim().replace(/\/$/, '');
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new ConfigError(`ONETHING_S3_ENDPOINT 应为 http:// 或 https:// 地址，实际为「${endpoint}」`);
  const accessKeyId = (env.ONETHING_S3_ACCESS_KEY ?? '').trim();
  const secretAccessKey = (env.ONETHING_S3_SECRET_KEY ?? '').trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new ConfigError('ONETHING_S3_ACCESS_KEY 与 ONETHING_S3_SECRET_KEY 须同时设置（都不设置时使用 AWS_* 环境变量或实例角色）');
  const prefix = (env.ONETHING_S3_PREFIX ?? '').trim().replace(/^\/+/, '').replace(/\/*$/, '');
  return {
    kind, endpoint: endpoint || null, region: (env.ONETHING_S3_REGION ?? '').trim() || 'us-east-1', bucket,
    prefix: prefix ? `${prefix}/` : '',
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : null,
    forcePathStyle: bool(env, 'ONETHING_S3_FORCE_PATH_STYLE', false),
  };
}

const DEFAULT_CLAIMS: OidcClaimMap = {
  name: 'name', idNumber: 'id_number', level: 'loa', phone: 'phone_number',
  enterpriseUscc: 'uscc', enterpriseName: 'enterprise_name', enterprises: 'enterprises', username: 'preferred_username',
};
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** ONETHING_OIDC_* (applicants) or ONETHING_STAFF_OIDC_* (staff); off unless the issuer is set. */
function oidc(env: NodeJS.ProcessEnv, prefix: string, publicUrl: string, audience: 'applicant' | 'staff'): OidcConfig | null {
  const get = (name: string) => (env[`${prefix}${name}`] ?? '').trim();
  const issuer = get('ISSUER').replace(/\/$/, '');
  if (issuer === '') return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`${prefix}ISSUER 应为 https:// 地址，实际为「${issuer}」`);
  }
  // Plain http only to a provider on this machine (tests, a local gateway); anything else must be https.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) throw new ConfigError(`${prefix}ISSUER 应为 https:// 地址，实际为「${issuer}」`);
  const clientId = get('CLIENT_ID');
  const clientSecret = get('CLIENT_SECRET');
  if (!clientId || !clientSecret) throw new ConfigError(`设置了 ${prefix}ISSUER 时须同时设置 ${prefix}CLIENT_ID 与 ${prefix}CLIENT_SECRET`);
  let claims = DEFAULT_CLAIMS;
  const rawClaims = get('CLAIMS');
  if (rawClaims) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawClaims);
    } catch {
      throw new ConfigError(`${prefix}CLAIMS 应为 JSON 对象，例如 {"idNumber":"sfzh"}`);
    }
    const known = Object.keys(DEFAULT_CLAIMS);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new ConfigError(`${prefix}CLAIMS 应为 JSON 对象，例如 {"idNumber":"sfzh"}`);
    for (const [k, v] of Object.entries(parsed)) {
      if (!known.includes(k) || typeof v !== 'string' || v === '') throw new ConfigError(`${prefix}CLAIMS 中「${k}」不对：可设置 ${known.join('、')}，值为声明名称`);
    }
    claims = { ...DEFAULT_CLAIMS, ...(parsed as Partial<OidcClaimMap>) };
  }
  return {
    issuer, clientId, clientSecret,
    redirectUri: get('REDIRECT_URI') || `${publicUrl}/api/auth/oidc/${audience}/callback`,
    postLogoutRedirectUri: get('POST_LOGOUT_REDIRECT_URI') || `${publicUrl}/login`,
    scopes: get('SCOPES') || 'openid profile',
    claims,
    minLevel: int(env, `${prefix}MIN_LEVEL`, 0, 0),
  };
}

function ocr(env: NodeJS.ProcessEnv): Config['ocr'] {
  const raw = (env.ONETHING_OCR ?? '').trim().toLowerCase();
  const mode = raw === '' || raw === 'auto' ? 'auto' : TRUE.has(raw) ? 'on' : FALSE.has(raw) ? 'off' : null;
  if (mode === null) throw new ConfigError(`环境变量 ONETHING_OCR 应为 auto、on 或 off，实际为「${env.ONETHING_OCR}」`);
  return {
    mode,
    tesseract: (env.ONETHING_TESSERACT ?? '').trim() || 'tesseract',
    pdftoppm: (env.ONETHING_PDFTOPPM ?? '').trim() || 'pdftoppm',
    languages: (env.ONETHING_OCR_LANGUAGES ?? '').trim() || 'chi_sim+eng',
    pages: int(env, 'ONETHING_OCR_PAGES', 3, 1),
    timeoutSeconds: int(env, 'ONETHING_OCR_TIMEOUT_SECONDS', 60, 1),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = path.resolve(import.meta.dirname, '../..');
  const dataDir = path.resolve(env.ONETHING_DATA_DIR ?? path.join(root, 'data'));
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL 只支持 postgres:// 地址；不设置时使用内置 SQLite');
  const port = int(env, 'PORT', 3000);
  const fieldKeyHex = fieldKey(env.ONETHING_FIELD_KEY);
  const metricsToken = (env.ONETHING_METRICS_TOKEN ?? '').trim() || null;
  const publicUrl = (env.ONETHING_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  if (metricsToken !== null && metricsToken.length < 16) throw new ConfigError('ONETHING_METRICS_TOKEN 至少应有 16 个字符');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl,
    dataDir,
    databaseUrl,
    catalogueDir: path.resolve(env.ONETHING_CATALOG_DIR ?? path.join(root, 'catalog')),
    fieldKeyHex,
    files: files(env),
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
      progressPerAddress: int(env, 'ONETHING_RATE_PROGRESS_PER_ADDRESS', 30, 1),
    },
    trustProxy: trustProxy(env.ONETHING_TRUST_PROXY),
    metrics: {
      token: metricsToken,
      allow: addressList(env, 'ONETHING_METRICS_ALLOW', ['127.0.0.1', '::1']),
    },
    shutdownSeconds: int(env, 'ONETHING_SHUTDOWN_SECONDS', 20, 1),
    oidc: { applicant: oidc(env, 'ONETHING_OIDC_', publicUrl, 'applicant'), staff: oidc(env, 'ONETHING_STAFF_OIDC_', publicUrl, 'staff') },
    paymentPlatform: paymentPlatform(env),
    ocr: ocr(env),
    opinionRoles: opinionRoles(env.ONETHING_OPINION_ROLES),
  };
}

/** `lead`, or `lead,ga=reviewer`: the role for every department, then departments that differ. */
function opinionRoles(text = 'lead'): Config['opinionRoles'] {
  const roles = { all: 'lead' as 'lead' | 'reviewer', byDepartment: {} as Record<string, 'lead' | 'reviewer'> };
  for (const part of text.split(',').map((x) => x.trim()).filter(Boolean)) {
    const [a, b] = part.includes('=') ? part.split('=').map((x) => x.trim()) : [null, part];
    if (b !== 'lead' && b !== 'reviewer') throw new ConfigError(`ONETHING_OPINION_ROLES 中的「${part}」无效：角色只能是 lead 或 reviewer`);
    if (a) roles.byDepartment[a] = b;
    else roles.all = b;
  }
  return roles;
}

function paymentPlatform(env: NodeJS.ProcessEnv): Config['paymentPlatform'] {
  const url = (env.ONETHING_PAYMENT_URL ?? '').trim();
  if (url === '') return null;
  if (!/^https?:\/\//.test(url)) throw new ConfigError('ONETHING_PAYMENT_URL 应为 http(s) 地址');
  const secret = (env.ONETHING_PAYMENT_SECRET ?? '').trim();
  if (secret.length < 16) throw new ConfigError('设置 ONETHING_PAYMENT_URL 时须给出 ONETHING_PAYMENT_SECRET（至少 16 个字符）');
  return { url, secret, name: (env.ONETHING_PAYMENT_NAME ?? '').trim() || '统一公共支付平台' };
}
