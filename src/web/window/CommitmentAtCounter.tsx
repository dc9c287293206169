/**
 * 告知承诺 at the counter: the applicant signs the printed promise, the clerk scans it as the
 * material's file and records it; the material is then spared and the letter kept.
 */
import { Alert, Button, Typography } from 'antd';
import type { Plan } from '../../core/planning/types.ts';
import { put } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import type { CaseView } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

type Planned = Plan['materials'][number];

export function CommitmentAtCounter({ caseView, plan, material, onDone }: { caseView: CaseView; plan: Plan; material: Planned; onDone(): void }) {
  const { t } = usePrefs();
  const { busy, error, run } = useAction();
  const offer = material.alternatives.find((a) => a.kind === 'commitment');
  if (!offer || material.status !== 'required') return null;
  const files = caseView.materials.find((m) => m.id === material.id)?.files ?? [];
  const letter = files[files.length - 1];
  const already = plan.materials.filter((m) => m.exemption?.kind === 'commitment').map((m) => m.id);
  return (
    <div style={{ marginTop: 8 }}>
      <Typography.Text type="secondary">{t('winCommitmentAllowedHaveThe')}{offer.evidence}{offer.supplyWithinDays ? t('winOriginalsWithinWorkingDays', { supplyWithinDays: offer.supplyWithinDays }) : ''}{t('winScanAndUploadIt')}</Typography.Text>
      <div style={{ marginTop: 4 }}>
        <Button disabled={!letter} loading={busy} onClick={async () => {
          if (!letter) return;
          if (await run(() => put(`/api/cases/${caseView.id}/commitments`, { materials: [...already, material.id], signerName: caseView.applicant.name, declaration: true, letterFileId: letter.id }))) onDone();
        }}>{letter ? t('winTakeAsPerThe') : t('winUploadTheSignedCommitment')}</Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 4 }} />}
    </div>
  );
}
