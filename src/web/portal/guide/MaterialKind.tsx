/** 5.2.6 a) on the guide: a material's type and sample, and a proof's 设定依据 and 开具证明单位. */
import type { MaterialKind } from '../../../core/catalog/types.ts';
import { usePrefs } from '../../shared/prefs.tsx';

export type { MaterialKind };

export function MaterialKindCell({ m }: { m: { kind: MaterialKind | null; sample: string | null; proof: { basis: string[]; issuer: string } | null } }) {
  const { t } = usePrefs();
  return (
    <>
      {m.kind ? t(`regionKind_${m.kind}`) : '—'}
      {m.proof && (
        <div>
          <div>{t('regionProofIssuer')}{t('colon')}<span lang="zh-CN">{m.proof.issuer}</span></div>
          <div>{t('regionProofBasis')}{t('colon')}<span lang="zh-CN">{m.proof.basis.join('；')}</span></div>
        </div>
      )}
      {m.sample && <div>{t('regionMaterialSample')}{t('colon')}<span lang="zh-CN">{m.sample}</span></div>}
    </>
  );
}
