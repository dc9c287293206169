/** A material's exemption as the guide says it on a phone. */
import type { ExemptionKind } from '../../../core/catalog/types.ts';

/** Why a material need not be handed in, as a sentence. */
export function exemptionSentence(kind: ExemptionKind, evidence: string): string {
  switch (kind) {
    case 'license': return `已有${evidence}的，免提交：部门直接调取电子证照核验。`;
    case 'shared-data': return `免提交：部门通过数据共享获取（${evidence}）。`;
    case 'result-of-item': return `免提交：由本一件事中${evidence}代替。`;
    case 'commitment': return `可以告知承诺代替，免提交：${evidence}。`;
  }
}
