/** `npm start`: migrate, load and check the catalogue, seed the demo, serve. */
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { seedDemoAccounts, DEMO_PASSWORD } from './modules/identity/demo.ts';
import { ROLES } from './modules/identity/roles.ts';
import { seedSharedData } from './modules/shareddata/service.ts';
import { createDeps } from './start.ts';
import { remindCommitments } from './modules/window/reminders.ts';
import { startHousekeeping, sweep } from './worker/housekeeping.ts';
import { createWorker } from './worker/outbox.ts';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const deps = await createDeps(config);
  const { app, identity } = await buildApp(deps, { logger: true });
  if (config.seedDemo) {
    await seedSharedData(deps.db.kysely, deps.cipher);
    const accounts = await seedDemoAccounts(deps.db.kysely, identity);
    const lines = accounts.map((a) => `  ${a.username.padEnd(16)} ${ROLES[a.role]}${a.department ? `（${a.department}）` : ''}`);
    process.stdout.write(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：\n${lines.join('\n')}\n`);
  }
  const worker = createWorker(deps);
  worker.start();
  const housekeeping = startHousekeeping(deps, [sweep, remindCommitments], undefined, (job, err) => app.log.error({ err, job }, '定时任务失败，下一轮重试'));
  const stopCheckpoints = deps.db.checkpointInBackground?.();
  await app.listen({ port: config.port, host: config.host });
  process.stdout.write(`\nonething 已启动：${config.publicUrl}（接口文档：${config.publicUrl}/docs）\n数据库：${deps.db.dialect === 'sqlite' ? `SQLite ${config.dataDir}` : 'PostgreSQL'}\n`);
  const stop = async () => {
    await worker.stop();
    await housekeeping.stop();
    await stopCheckpoints?.();
    await app.close();
    await deps.db.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
