/** Server processes for the HTTP benchmarks (bench/http-server.ts), each started apart from the load. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export type ServerMode = 'onething' | 'bare' | 'hello';

/** Starts one server process; resolves with its port once it listens. BENCH_PROFILE_DIR writes a CPU profile. */
export async function startServer(mode: ServerMode): Promise<{ port: number; child: ChildProcess; cpu: () => Promise<number> }> {
  const profile = process.env.BENCH_PROFILE_DIR ? [`--cpu-prof`, `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench/http-server.ts'), mode], { cwd: root, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { port, child, cpu: () => cpuOf(child) };
}

/**
 * The CPU time (µs, user and system, every thread) the server process has used so far. Unlike a
 * rate, it hardly moves when neighbours load the machine, so a cost per request measured by it is
 * comparable between runs.
 */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(Number(m)));
    child.send('cpu');
  });
}
