import { describe, expect, it } from 'vitest';
import { stepRectification, type RectificationStatus, type RectificationStep } from './rectification.ts';

const walk = (steps: [RectificationStep, boolean?][]) => {
  let status: RectificationStatus = 'open';
  for (const [step, positive] of steps) {
    const r = stepRectification(status, step, positive);
    if (!r.ok) return r.code;
    status = r.status;
  }
  return status;
};

describe('a bad rating rectified', () => {
  it('goes 核实 → 整改 → 回访 (satisfied) to closed', () => {
    expect(walk([['verify'], ['reply'], ['follow-up', true]])).toBe('closed');
  });
  it('may be replied without a separate verification, the reply saying what was verified', () => {
    expect(walk([['reply']])).toBe('replied');
  });
  it('goes back to be rectified again when the applicant is not satisfied at follow-up', () => {
    expect(walk([['verify'], ['reply'], ['follow-up', false]])).toBe('verified');
    expect(walk([['verify'], ['reply'], ['follow-up', false], ['reply'], ['follow-up', true]])).toBe('closed');
  });
  it('is dismissed by an upheld appeal, and back to rectification when the appeal is rejected', () => {
    expect(walk([['appeal'], ['decide-appeal', true]])).toBe('dismissed');
    expect(walk([['verify'], ['appeal'], ['decide-appeal', false]])).toBe('verified');
  });
  it('refuses steps out of order, with stable codes', () => {
    expect(walk([['reply'], ['reply']])).toBe('already-replied');
    expect(walk([['follow-up']])).toBe('not-replied');
    expect(walk([['decide-appeal']])).toBe('not-appealed');
    expect(walk([['appeal'], ['reply']])).toBe('appeal-not-allowed');
    expect(walk([['appeal'], ['appeal']])).toBe('appeal-not-allowed');
    expect(walk([['reply'], ['appeal']])).toBe('appeal-not-allowed');
    expect(walk([['verify'], ['verify']])).toBe('already-verified');
    expect(walk([['appeal'], ['decide-appeal', true], ['reply']])).toBe('rectification-closed');
    expect(walk([['reply'], ['follow-up', true], ['follow-up', true]])).toBe('rectification-closed');
  });
  it('says why in Chinese', () => {
    const r = stepRectification('appealed', 'reply');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/申诉/);
  });
});
