/** 5.2.6 a) on the guide: a material's type and sample, and a proof's 设定依据 and 开具证明单位. */
import { useParams } from 'react-router-dom';
import type { MaterialKind } from '../../../core/catalog/types.ts';
import { hasSample, matterSamplePath } from '../../../contracts/sample-paths.ts';
import { usePrefs } from '../../shared/prefs.tsx';

export type { MaterialKind };

// Underlined: the link sits inside a line of text, where colour alone does not tell it apart (WCAG 1.4.1).
const IN_TEXT = { textDecoration: 'underline' } as const;

/** 「查看样本（PDF）」: the platform's printable sample, in a new tab; its accessible name says which material. */
export function SampleLink({ href, name }: { href: string; name: string }) {
  const { t, lang } = usePrefs();
  if (lang === 'zh') return <a href={href} target="_blank" rel="noopener noreferrer" style={IN_TEXT} aria-label={t('regionSampleLinkOf', { name })}>{t('regionSampleLink')}</a>;
  // In English the material's name (catalogue data) is read out after the link's words, marked as Chinese.
  return <a href={href} target="_blank" rel="noopener noreferrer" style={IN_TEXT}>{t('regionSampleLink')}<span className="visually-hidden">{t('colon')}<span lang="zh-CN">{name}</span></span></a>;
}

/** The sample's name and its link, for a material of the guide being shown (the matter is the page's). */
export function GuideSample({ m }: { m: { id: string; name: string; kind?: MaterialKind | null; sample?: string | null } }) {
  const { t } = usePrefs();
  const { id = '' } = useParams();
  if (!hasSample(m) || id === '') return null;
  return (
    <div>
      {m.sample && <>{t('regionMaterialSample')}{t('colon')}<span lang="zh-CN">{m.sample}</span> </>}
      <SampleLink href={matterSamplePath(id, m.id)} name={m.name} />
    </div>
  );
}

export function MaterialKindCell({ m }: { m: { id: string; name: string; kind: MaterialKind | null; sample: string | null; proof: { basis: string[]; issuer: string } | null } }) {
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
      <GuideSample m={m} />
    </>
  );
}
