import type { Consultation } from '../../../contracts/index.ts';

/** One colour per status, in the applicant's list and the department's alike. */
export const CONSULTATION_COLOR: Record<Consultation['status'], string> = { open: 'gold', answered: 'blue', closed: 'green' };
