import { describe, expect, it } from 'vitest';
import { consultationFigures, nextConsultationStatus } from './consultation.ts';

describe('a consultation from question to closure', () => {
  it('is answered once, confirmed or sent back once, and nothing after it is closed', () => {
    expect(nextConsultationStatus('open', { kind: 'answer' })).toEqual({ ok: true, status: 'answered' });
    expect(nextConsultationStatus('answered', { kind: 'answer' })).toMatchObject({ ok: false, code: 'consultation-not-open' });
    expect(nextConsultationStatus('answered', { kind: 'reopen', reopens: 0 })).toEqual({ ok: true, status: 'open' });
    expect(nextConsultationStatus('answered', { kind: 'reopen', reopens: 1 })).toMatchObject({ ok: false, code: 'reopen-limit', message: expect.stringContaining('12345') });
    expect(nextConsultationStatus('open', { kind: 'confirm' })).toMatchObject({ ok: false, code: 'consultation-not-answered', message: '尚未答复，不能确认' });
    expect(nextConsultationStatus('answered', { kind: 'confirm' })).toEqual({ ok: true, status: 'closed' });
    for (const action of [{ kind: 'answer' }, { kind: 'confirm' }, { kind: 'reopen', reopens: 0 }] as const) {
      expect(nextConsultationStatus('closed', action)).toMatchObject({ ok: false, message: expect.stringContaining('已办结') });
    }
  });

  it('counts answers on time against the deadline, and what is still open past it', () => {
    const f = consultationFigures([
      { kind: 'consultation', status: 'closed', dueDate: '2025-09-30', answeredOn: '2025-09-30' },
      { kind: 'complaint', status: 'answered', dueDate: '2025-09-30', answeredOn: '2025-10-09' },
      { kind: 'complaint', status: 'open', dueDate: '2025-10-09', answeredOn: null },
      { kind: 'suggestion', status: 'open', dueDate: '2025-10-20', answeredOn: null },
    ], '2025-10-10');
    expect(f).toEqual({ total: 4, byKind: { consultation: 1, suggestion: 1, complaint: 2 }, answered: 2, closed: 1, onTimeRate: 0.5, overdueOpen: 1 });
    expect(consultationFigures([], '2025-10-10').onTimeRate).toBeNull();
  });
});
