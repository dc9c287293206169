import { describe, expect, it } from 'vitest';
import { newRowId } from './ids.ts';

describe('row ids', () => {
  it('are UUIDv7 with the creation time first, so they sort in the order rows were made', () => {
    const at = Date.UTC(2026, 11, 8, 3, 0, 0);
    const id = newRowId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    const later = [at, at + 1, at + 1000, at + 86_400_000].map((t) => newRowId(t));
    expect([...later].sort()).toEqual(later);
  });

  it('never repeat, within one millisecond either', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => newRowId(1_765_000_000_000)));
    expect(ids.size).toBe(20_000);
  });
});
