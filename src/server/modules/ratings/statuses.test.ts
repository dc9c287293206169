import { describe, expect, it } from 'vitest';
import { RECTIFICATION_STATUS_NAME } from '../../../core/ratings/rectification.ts';
import { RECTIFICATION_STATUSES } from '../../../contracts/ratings.ts';

describe('rectification statuses', () => {
  it('are the same in the contract as in the state machine, each with its Chinese name', () => {
    expect(Object.keys(RECTIFICATION_STATUS_NAME).sort()).toEqual([...RECTIFICATION_STATUSES].sort());
    for (const s of RECTIFICATION_STATUSES) expect(RECTIFICATION_STATUS_NAME[s]).toMatch(/^[\u4e00-\u9fa5，、]+$/);
  });
});
