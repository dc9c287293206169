/** A small argument parser: positionals, repeatable `--name value` options and boolean flags. */
export interface ParsedArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], options: new Map(), flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (booleans.includes(name)) {
      parsed.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new UsageError(`未知的选项 --${name}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new UsageError(`选项 --${name} 缺少取值`);
    parsed.options.set(name, [...(parsed.options.get(name) ?? []), value]);
  }
  return parsed;
}

/** Splits `key=value`; the key must be present. */
export function keyValue(text: string, option: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--${option} 的格式应为 键=值，实际为「${text}」`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}
