/** Which result documents each decided item of a case has, and where to fetch them. */
import type { Task } from '../../../core/case/task.ts';
import { decisionTitle } from '../../documents/results.ts';

export function resultDocuments(caseId: string, tasks: readonly Task[]) {
  return tasks.filter((t) => t.status === 'approved' || t.status === 'refused').map((t) => {
    const base = `/api/cases/${caseId}/results/${encodeURIComponent(t.id)}`;
    const approved = t.status === 'approved';
    return {
      item: t.id, name: t.name, decision: t.status as 'approved' | 'refused',
      documents: [
        { kind: 'decision' as const, title: decisionTitle(approved ? 'approve' : 'refuse'), url: `${base}/decision.pdf` },
        ...(approved ? [{ kind: 'certificate' as const, title: t.result?.license ? `${t.result.name}（打印件）` : '办理结果凭证', url: `${base}/certificate.pdf` }] : []),
      ],
    };
  });
}
