/**
 * `onething keys list|rotate [--grace-hours 小时]|retire <kid>`: the platform's hand-off signing
 * keys (docs/identity.md). Rotation makes a new key the signer; the older ones stay published in
 * /.well-known/jwks.json, and their tokens verify, until their grace ends.
 */
import { parseArgs, UsageError } from './args.ts';

type Io = { out: (s: string) => void; err: (s: string) => void };

export const KEYS_USAGE = '用法：onething keys list | onething keys rotate [--grace-hours 小时（默认 24）] | onething keys retire <密钥编号>';

/** Instants as people here read them. */
const shanghai = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 0: done; 1: refused (unknown key, the signing key, a setting missing); 2: the request itself was wrong. */
export async function keysCommand(argv: string[], io: Io): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, ['grace-hours'], []);
    const [action, ...rest] = args.positionals;
    if (!['list', 'rotate', 'retire'].includes(action ?? '') || rest.length !== (action === 'retire' ? 1 : 0)) throw new UsageError('缺少或多出参数');
    if (action !== 'rotate' && args.options.has('grace-hours')) throw new UsageError('--grace-hours 只用于 rotate');
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`错误：${e.message}\n${KEYS_USAGE}`);
    return 2;
  }
  const [action, kid] = args.positionals as [string, string | undefined];
  const grace = args.options.get('grace-hours')?.[0];
  const hours = grace === undefined ? undefined : Number(grace);
  if (hours !== undefined && !(Number.isFinite(hours) && hours >= 0)) {
    io.err(`错误：--grace-hours 应为不小于 0 的小时数，实际为「${grace}」\n${KEYS_USAGE}`);
    return 2;
  }
  const { loadConfig, ConfigError } = await import('../server/config.ts');
  const { openAnchoredDatabase } = await import('../server/start.ts');
  const { pendingMigrations } = await import('../server/db/migrate.ts');
  const { systemClock } = await import('../server/clock.ts');
  const { handoffKeyStore } = await import('../server/modules/integration/keys.ts');
  const { SigningKeyError, DEFAULT_GRACE_HOURS } = await import('../server/crypto/signing-keys.ts');
  let opened;
  try {
    // The field key must exist already: it seals the keys, and a new one would orphan them.
    opened = openAnchoredDatabase(loadConfig(), systemClock, { createKey: false });
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    io.err(`无法管理签名密钥：${e.message}`);
    return 1;
  }
  const { db, cipher } = opened;
  try {
    if ((await pendingMigrations(db)).length > 0) {
      io.err('数据库尚未迁移到最新版本，请先运行 onething db migrate');
      return 1;
    }
    const store = handoffKeyStore({ db, cipher, clock: systemClock });
    if (action === 'rotate') {
      const r = await store.rotate(hours ?? DEFAULT_GRACE_HOURS);
      io.out(`已轮换跳转令牌签名密钥：新密钥 ${r.kid} 自即刻起签名。`);
      for (const k of r.retiring) io.out(`  旧密钥 ${k.kid} 继续公布、其签发的令牌继续有效，至 ${shanghai(k.retiresAt)}（北京时间）停用。`);
      return 0;
    }
    if (action === 'retire') {
      const at = await store.retire(kid as string);
      io.out(`密钥 ${kid} 已于 ${shanghai(at)}（北京时间）停用：不再公布，其签发的令牌不再有效。`);
      return 0;
    }
    for (const k of await store.list()) {
      const state = k.current ? '正在签名' : k.retired ? `已停用（${shanghai(k.retiresAt as string)}）` : `宽限期内，${shanghai(k.retiresAt as string)} 停用`;
      io.out(`${k.kid}  创建于 ${shanghai(k.createdAt)}  ${state}`);
    }
    return 0;
  } catch (e) {
    if (!(e instanceof SigningKeyError)) throw e;
    io.err(`错误：${e.message}`);
    return 1;
  } finally {
    await db.close();
  }
}
