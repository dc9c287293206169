/**
 * 模拟申报 of a draft (clause 8.2): before publication, every situation of the matters it changes
 * is applied for, accepted and decided on a fresh server; what could not complete is listed by step.
 */
import { Alert, Button, Spin, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SimulationAnswer } from '../../contracts/simulate.ts';
import { errorText, post } from '../shared/api.ts';
import type { DraftDetail } from './types.ts';

type Failure = SimulationAnswer['failed'][number];

export function Simulation({ draft }: { draft: DraftDetail }) {
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
    <section className="admin-stack" aria-label="模拟申报" aria-live="polite" style={{ gap: 10 }}>
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text style={{ flex: '1 1 400px' }}>
          模拟申报：在临时的新数据库上，把草稿改动涉及的一件事的每个情形从申报、受理、各部门审批办到办结，并核对结果和电子证照。
        </Typography.Text>
        <Button onClick={() => void start()} loading={running} disabled={draft.defectCount > 0}>模拟申报</Button>
      </div>
      {draft.defectCount > 0 && <Typography.Text type="secondary">草稿还有问题，修正后才能模拟申报。</Typography.Text>}
      {running && (
        <div className="admin-row" role="status">
          <Spin size="small" />
          <Typography.Text>正在逐个情形申报、受理、审批（每个情形约需 2 秒），已用 {seconds} 秒……</Typography.Text>
        </div>
      )}
      {error && <Alert type="error" showIcon title={`模拟申报未能进行：${error}`} />}
      {answer && <SimulationResult answer={answer} />}
    </section>
  );
}

function SimulationResult({ answer }: { answer: SimulationAnswer }) {
  const names = answer.matters.map((m) => m.name).join('、');
  if (answer.failed.length === 0) {
    return <Alert type="success" showIcon title={`模拟申报通过：${names}的 ${answer.situations} 个情形全部办结`} />;
  }
  return (
    <div className="admin-stack" style={{ gap: 10 }}>
      <Alert type="warning" showIcon title={`模拟申报：${answer.situations} 个情形中 ${answer.completed} 个办结，${answer.failed.length} 个未能完成`} description={`模拟的一件事：${names}`} />
      <Table<Failure> size="small" pagination={false} rowKey={(f) => `${f.matter}|${f.situation}`} dataSource={answer.failed} aria-label="未能完成的情形" columns={[
        { title: '一件事', dataIndex: 'matterName' },
        { title: '情形', dataIndex: 'situationName' },
        { title: '停在', dataIndex: 'stepLabel' },
        { title: '原因', dataIndex: 'error' },
      ]} />
    </div>
  );
}
