/** `npm start`: migrate, load and check the catalogue, seed the demo, serve. */
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { checkpointAtShutdown, requireAnchor } from './modules/audit/anchor.ts';
import { seedDemoAccounts, DEMO_PASSWORD } from './modules/identity/demo.ts';
import type { NewAccount } from './modules/identity/service.ts';
import { ROLES } from './modules/identity/roles.ts';
import { seedSharedData } from './modules/shareddata/service.ts';
import { startUp } from './start.ts';
import { remindCommitments } from './modules/window/reminders.ts';
import { startHousekeeping, sweep } from './worker/housekeeping.ts';
import { createWorker } from './worker/outbox.ts';

export async function serve(): Promise<void> {
  const config = loadConfig();
  // Seeding checks for each account before creating it: inside the start lock, so concurrent starts take turns.
  const { deps, prepared: { app, accounts } } = await startUp(config, systemClock, async (d) => {
    const built = await buildApp(d, { logger: true });
    let seeded: NewAccount[] = [];
    if (config.seedDemo) {
      await seedSharedData(d.db.kysely, d.cipher);
      seeded = await seedDemoAccounts(d.db.kysely, built.identity);
    }
    return { ...built, accounts: seeded };
  });
  if (config.seedDemo) {
    const lines = accounts.map((a) => `  ${a.username.padEnd(16)} ${ROLES[a.role]}${a.department ? `（${a.department}）` : ''}`);
    process.stdout.write(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：\n${lines.join('\n')}\n`);
  }
  requireAnchor(deps.db.kysely).onError = (err) => app.log.error({ err }, '写审计检查点失败，下一个检查点补上');
  const worker = createWorker(deps);
  worker.start();
  const housekeeping = startHousekeeping(deps, [sweep, remindCommitments], undefined, (job, err) => app.log.error({ err, job }, '定时任务失败，下一轮重试'));
  const stopCheckpoints = deps.db.checkpointInBackground?.();
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`\nonething 已启动：${config.publicUrl}（接口文档：${config.publicUrl}/docs）\n数据库：${deps.db.dialect === 'sqlite' ? `SQLite ${config.dataDir}` : 'PostgreSQL'}\n`);
  const stop = async () => {
    await worker.stop();
    await housekeeping.stop();
    await app.close();
    // The last entries are signed for, so a tail cut while the server is down is caught.
    await checkpointAtShutdown(deps.db.kysely).catch((err: unknown) => app.log.error({ err }, '关闭时写审计检查点失败'));
    await stopCheckpoints?.();
    await deps.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
