/**
 * Watches every statement better-sqlite3 runs in this process (for the query-plan test and the
 * benchmark's anatomy of a case): `onRun` is called around each one with its SQL text. Returns the undo.
 */
import SQLite from 'better-sqlite3';

type Method = (...args: unknown[]) => unknown;

export function watchStatements(onRun: (source: string, reader: boolean, run: () => unknown) => unknown): () => void {
  const probe = new SQLite(':memory:');
  const proto = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, Method>;
  probe.close();
  const originals: [string, Method][] = [];
  for (const name of ['run', 'all', 'get', 'iterate']) {
    const original = proto[name] as Method;
    originals.push([name, original]);
    proto[name] = function watched(this: { source: string; reader: boolean }, ...args: unknown[]) {
      return onRun(this.source, this.reader, () => original.apply(this, args));
    };
  }
  return () => {
    for (const [name, original] of originals) proto[name] = original;
  };
}
