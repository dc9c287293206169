/**
 * 模拟申报 of a draft (clause 8.2): before publication, every situation of the matters it changes
 * is applied for, accepted and decided on a fresh server; what could not complete is listed by step.
 */
import { Alert, Button, Spin, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SimulationAnswer } from '../../contracts/simulate.ts';
import { errorText, post } from '../shared/api.ts';
import type { DraftDetail } from './types.ts';
import { usePrefs } from '../shared/prefs.tsx';

type Failure = SimulationAnswer['failed'][number];

export function Simulation({ draft }: { draft: DraftDetail }) {
  const { t } = usePrefs();
  const [running, setRunning] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [answer, setAnswer] = useState<SimulationAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => { if (timer.current) clearInterval(timer.current); }, []);

  const start = async () => {
    setRunning(true);
    setAnswer(null);
    setError(null);
    setSeconds(0);
    timer.current = setInterval(() => setSeconds((s) => s + 1), 1000);
    try {
      setAnswer(await post<SimulationAnswer>(`/api/admin/drafts/${draft.id}/simulate`, {}));
    } catch (e) {
      setError(errorText(e));
    } finally {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
      setRunning(false);
    }
  };

  return (
    <section className="admin-stack" aria-label={t('admSimulateApplications')} aria-live="polite" style={{ gap: 10 }}>
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text style={{ flex: '1 1 400px' }}>
          {t('admSimulatedApplicationsOnA')}
        </Typography.Text>
        <Button onClick={() => void start()} loading={running} disabled={draft.defectCount > 0}>{t('admSimulateApplications')}</Button>
      </div>
      {draft.defectCount > 0 && <Typography.Text type="secondary">{t('admTheDraftStillHas')}</Typography.Text>}
      {running && (
        <div className="admin-row" role="status">
          <Spin size="small" />
          <Typography.Text>{t('admApplyingAcceptingAndApproving')} {seconds} {t('admS')}</Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={t('admSimulationCouldNotRun', { error })} />}
      {answer && <SimulationResult answer={answer} />}
    </section>
  );
}

function SimulationResult({ answer }: { answer: SimulationAnswer }) {
  const { t } = usePrefs();
  const names = answer.matters.map((m) => m.name).join(t('admSep3'));
  if (answer.failed.length === 0) {
    return <Alert type="success" showIcon title={t('admSimulationPassedAllSituation', { names, situations: answer.situations })} />;
  }
  return (
    <div className="admin-stack" style={{ gap: 10 }}>
      <Alert type="warning" showIcon title={t('admSimulationOfSituationS', { situations: answer.situations, completed: answer.completed, n: answer.failed.length })} description={t('admMattersSimulated', { names })} />
      <Table<Failure> size="small" pagination={false} rowKey={(f) => `${f.matter}|${f.situation}`} dataSource={answer.failed} aria-label={t('admSituationsNotCompleted')} columns={[
        { title: t('admMatters'), dataIndex: 'matterName' },
        { title: t('admSituation'), dataIndex: 'situationName' },
        { title: t('admStoppedAt'), dataIndex: 'stepLabel' },
        { title: t('admCause'), dataIndex: 'error' },
      ]} />
    </div>
  );
}
