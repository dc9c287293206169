/** What the window reads from the server: the case as the window sees it, the check, circulation. */
import type { Plan, QuestionView } from '../../core/planning/types.ts';

export type { Plan, QuestionView };

export interface CaseFile {
  id: string;
  name: string;
  source: string;
  status: string;
}

export interface CaseView {
  id: string;
  number: string;
  matter: { id: string; name: string };
  status: 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn' | 'in-progress' | 'completed';
  statusLabel: string;
  channel: 'online' | 'window';
  assisted: { by: string; authority: string } | null;
  answers: Record<string, unknown>;
  chosenItems: string[] | null;
  plan: Plan | null;
  form: Record<string, unknown>;
  materials: { id: string; name: string; status: 'required' | 'exempt'; exemption: { kind: string; evidence: string } | null; deferrable: boolean; files: CaseFile[] }[];
  progress: {
    item: string; name: string; department: { code: string; name: string }; status: string; statusLabel: string;
    dispatchedOn: string | null; dueDate: string | null; decidedOn: string | null;
    result: { name: string; ref?: string; license?: string } | null; reasons: string[] | null; stopReason: string | null;
    supplement: { requestedOn: string; materials: string[]; note: string } | null;
  }[];
  deferred: { material: string; deadline: string; suppliedOn?: string; late?: boolean }[];
  corrections: Correction[];
  documents: { kind: 'receipt' | 'commitment' | 'rejection'; url: string }[];
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
}

export type { Correction, MaterialCheck } from '../../server/modules/window/service.ts';
import type { Correction, MaterialCheck } from '../../server/modules/window/service.ts';

export interface CheckResult {
  materials: MaterialCheck[];
  complete: boolean;
  onlyDeferrableMissing: boolean;
}

export interface Movement {
  id: string;
  caseId: string;
  materialId: string | null;
  kind: 'online-push' | 'handover' | 'courier' | 'return' | 'result-post' | 'result-pickup';
  from: string;
  to: string;
  waybill: string | null;
  sentAt: string;
  received: boolean;
  receivedAt: string | null;
  senderVerified: boolean;
  receiverVerified: boolean;
  sentBy?: string;
  receivedBy?: string | null;
}

export interface QueueRow {
  id: string;
  number: string;
  matter: string;
  channel: 'online' | 'window';
  submittedAt: string;
}

export interface GuideQuestion {
  id: string;
  text: string;
  type: 'boolean' | 'choice' | 'multi';
  options: { value: string | boolean; label: string }[];
  help: string | null;
}
