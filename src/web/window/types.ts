/** What the window reads from the server: the API's contracts (src/contracts), with plans typed by the core. */
import type { CaseView as CaseAnswer } from '../../contracts/cases.ts';
import type { Plan, QuestionView } from '../../core/planning/types.ts';

export type { Plan, QuestionView };
export type { CheckResult, Correction, GuideQuestion, MaterialCheck, Movement, QueueRow } from '../../contracts/index.ts';

export type CaseFile = CaseAnswer['materials'][number]['files'][number];
/** The contract passes the plan as it is (docs/plan-format.md); the core says what it holds. */
export type CaseView = Omit<CaseAnswer, 'plan'> & { plan: Plan | null };
