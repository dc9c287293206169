/** 免申即享 (migration 021): offers found by policy rules over shared data, and 异议 against them. */

export interface OfferTable {
  id: string;
  policy_id: string;
  subject_kind: 'person' | 'enterprise';
  /** The blind index of the subject's ID number or credit code, as shared data and accounts key them. */
  subject_key: string;
  subject_name_enc: string;
  /** As the 公示 shows it (王*芳); an enterprise's name whole. */
  subject_masked: string;
  department: string;
  mode: 'confirm' | 'grant';
  status: 'offered' | 'declined' | 'publicity' | 'objected' | 'granted' | 'refused';
  /** The eligibility sentences (JSON array): source, fact and value as words, no number. */
  reasons: string;
  found_on: string;
  created_at: string;
  confirmed_at: string | null;
  declined_at: string | null;
  publicity_from: string | null;
  publicity_until: string | null;
  objection_until: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  updated_at: string;
}

export interface OfferObjectionTable {
  id: string;
  offer_id: string;
  text: string;
  raised_by: string | null;
  raised_at: string;
  status: 'open' | 'upheld' | 'dismissed';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
}
