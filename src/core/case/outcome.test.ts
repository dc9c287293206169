import { describe, expect, it } from 'vitest';
import { caseOutcome } from './outcome.ts';
import type { Task } from './task.ts';

const task = (id: string, status: Task['status'], more: Partial<Task> = {}): Task => ({
  id, name: `事项${id}`, department: { code: 'd', name: '部门' }, after: [], promised: 1, status, pausedWorkingDays: 0, ...more,
});

describe('a case\'s outcome in the applicant\'s words', () => {
  it('counts the items done and refused, and gives a refusal its reasons and the rights of appeal', () => {
    const tasks = [...Array.from({ length: 8 }, (_, i) => task(`a${i}`, 'approved')), task('r', 'refused', { reasons: ['新生儿不在本省出生。'] })];
    const o = caseOutcome('completed', tasks);
    expect(o?.summary).toBe('已办结：8 项办成，1 项不予办理');
    expect(o?.nextSteps).toHaveLength(1);
    expect(o?.nextSteps[0]).toMatchObject({ item: 'r', kind: 'appeal' });
    expect(o?.nextSteps[0]?.text).toContain('理由：新生儿不在本省出生');
    expect(o?.nextSteps[0]?.text).toContain('可申请行政复议或提起行政诉讼');
    expect(o?.nextSteps[0]?.text).toContain('重新申请');
  });

  it('says what is still under way, and what stopped with its reason', () => {
    const o = caseOutcome('in-progress', [task('a', 'approved'), task('b', 'refused'), task('c', 'stopped', { stopReason: '前置事项不予办理，本子件终止办理' }), task('d', 'claimed')]);
    expect(o?.summary).toBe('办理中：1 项办成，1 项不予办理，1 项终止办理，1 项正在办理');
    expect(o?.nextSteps.map((s) => s.kind)).toEqual(['appeal', 'reapply']);
    expect(o?.nextSteps[1]?.text).toBe('「事项c」已终止办理：前置事项不予办理，本子件终止办理。具备条件后可重新申请。');
  });

  it('has nothing to say before a decision, nor for a case never accepted', () => {
    expect(caseOutcome('in-progress', [task('a', 'claimed')])).toBeNull();
    expect(caseOutcome('rejected', [])).toBeNull();
    expect(caseOutcome('draft', [task('a', 'approved')])).toBeNull();
    expect(caseOutcome('completed', [task('a', 'approved')])?.summary).toBe('已办结：1 项办成');
  });
});
