/** Consultations, ratings (好差评) and their rectification. */
import type { Generated } from 'kysely';

export interface ConsultationTable {
  id: string;
  number: string;
  kind: string;
  source: string;
  account_id: string;
  case_id: string | null;
  matter_id: string | null;
  department: string;
  text: string;
  status: string;
  due_date: string;
  recorded_by: string | null;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  reopens: Generated<number>;
  reopen_note: string | null;
  closed_at: string | null;
  /** A walk-in at the window without a case (migration 018): the visitor, the mobile encrypted, when the answer went by SMS. */
  visitor_name: string | null;
  visitor_mobile_enc: string | null;
  visitor_sms_at: string | null;
}

export interface RatingTable {
  id: string;
  case_id: string;
  account_id: string;
  level: number;
  tags: string;
  comment: string;
  channel: string;
  created_at: string;
  superseded_at: string | null;
  event: Generated<'acceptance' | 'completion'>;
  clerk_id: string | null;
}

export interface RectificationTable {
  id: string;
  rating_id: string;
  case_id: string;
  department: string;
  status: 'open' | 'verified' | 'appealed' | 'replied' | 'closed' | 'dismissed';
  due_date: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: string | null;
  created_at: string;
  verified_at: string | null;
  verified_by: string | null;
  verification_note: string | null;
  appeal_reason: string | null;
  appealed_at: string | null;
  appealed_by: string | null;
  appeal_decision: 'upheld' | 'rejected' | null;
  appeal_note: string | null;
  appeal_decided_by: string | null;
  appeal_decided_at: string | null;
  follow_up_at: string | null;
  follow_up_by: string | null;
  follow_up_result: 'satisfied' | 'unsatisfied' | null;
  follow_up_note: string | null;
  /** Every step (核实, 申诉, 申诉决定, 整改, 回访) as JSON, oldest first. */
  history: Generated<string>;
}
