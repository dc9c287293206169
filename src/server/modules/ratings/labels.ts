/** 好差评 names shared by ratings and rectifications. */
import type { RatingEvent } from '../../../contracts/ratings.ts';
import type { RectificationTable } from '../../db/schema.ts';

export const LEVEL_NAMES: Readonly<Record<number, string>> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' };
export const EVENT_NAMES: Readonly<Record<RatingEvent, string>> = { acceptance: '受理', completion: '办结' };
/** How the case was served: applied online, at the window, or at the window with 帮办代办. */
export const CHANNELS = ['online', 'window', 'assisted'] as const;
export type RatingChannel = (typeof CHANNELS)[number];
/** 不满意 and 非常不满意 are 差评: each one is rectified. */
export const BAD = 2;

type FollowUpColumns = Pick<RectificationTable, 'follow_up_at' | 'follow_up_by' | 'follow_up_result' | 'follow_up_note'>;

/** The latest 回访, by the applicant (online) or recorded by the department. */
export function followUpOf(r: FollowUpColumns, applicantId: string) {
  if (r.follow_up_result === null || r.follow_up_at === null) return null;
  const byApplicant = r.follow_up_by === applicantId;
  return {
    result: r.follow_up_result, resultName: r.follow_up_result === 'satisfied' ? '满意' : '不满意', note: r.follow_up_note ?? '', at: r.follow_up_at,
    by: byApplicant ? 'applicant' as const : 'department' as const,
  };
}
