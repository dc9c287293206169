/** The matters this browser opened lately (newest first), kept in the browser only, for 常办事项. */
const KEY = 'onething.recentMatters';
const KEEP = 6;

export function recentMatters(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, KEEP) : [];
  } catch {
    return [];
  }
}

export function rememberMatter(id: string): void {
  try {
    localStorage.setItem(KEY, JSON.stringify([id, ...recentMatters().filter((x) => x !== id)].slice(0, KEEP)));
  } catch {
    // storage unavailable: nothing remembered
  }
}
