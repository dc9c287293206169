/** 上级事项目录同步: the administrator reads in the superior catalogue's file and sees the draft it made and why. */
import { Alert, Button, Space, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CatalogueSyncAnswer } from '../../contracts/index.ts';
import { ApiError, post } from '../shared/api.ts';
import { useAction } from '../shared/useAction.ts';
import { Section } from './common.tsx';

type Updated = CatalogueSyncAnswer['updated'][number];

export function CatalogueSync() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<CatalogueSyncAnswer | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const sync = () => run(async () => {
    setAnswer(null);
    setProblems([]);
    if (!file) throw new Error('请先选择上级事项目录文件（JSON）');
    let catalogue: unknown;
    try {
      catalogue = JSON.parse(await file.text());
    } catch {
      throw new Error(`「${file.name}」不是有效的 JSON 文件`);
    }
    try {
      setAnswer(await post<CatalogueSyncAnswer>('/api/admin/catalogue-sync', { catalogue }));
    } catch (e) {
      if (e instanceof ApiError) setProblems(e.details.map((d) => `${d.path.replace(/^catalogue\.?/, '') || '文件'}：${d.message}`));
      throw e;
    }
  });
  return (
    <Section title="同步上级事项目录">
      <Typography.Paragraph type="secondary">
        读入上级（国家、省）事项目录文件后，按事项编码（首次同步按事项名称）对应本地事项，更新事项编码、名称、类型、行使层级、设定依据和法定时限；
        实施部门、窗口、承诺时限、收费、材料和表单保持不变。有变化时生成一份目录草稿，照常征求意见、审核、发布。
        也可用命令 <Typography.Text code>onething catalog sync --from 文件或网址</Typography.Text>。
      </Typography.Paragraph>
      <Space wrap>
        <input ref={input} type="file" accept="application/json,.json" aria-label="上级事项目录文件" hidden onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button onClick={() => input.current?.click()}>选择文件</Button>
        <Typography.Text type={file ? undefined : 'secondary'}>{file ? file.name : '尚未选择文件（JSON，格式见 docs/catalogue-sync.md）'}</Typography.Text>
        <Button type="primary" onClick={() => void sync()} loading={busy} disabled={!file}>同步并生成草稿</Button>
      </Space>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
        {error && (
          <Alert type="error" showIcon title={error} description={problems.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
          )} />
        )}
        {answer && <SyncResult answer={answer} />}
      </div>
    </Section>
  );
}

function SyncResult({ answer }: { answer: CatalogueSyncAnswer }) {
  return (
    <div className="admin-stack" style={{ gap: 12 }}>
      {answer.draft
        ? <Alert type="success" showIcon title={<>已生成目录草稿 <Link to={`/admin/drafts/${answer.draft.id}`}>{answer.draft.title}</Link></>}
          description={`依据${answer.source}（${answer.issuedAt.slice(0, 10)}）更新 ${answer.updated.length} 个事项${answer.unchanged > 0 ? `，另有 ${answer.unchanged} 个事项与上级目录一致` : ''}。${answer.draft.defects > 0 ? `草稿校验发现 ${answer.draft.defects} 处问题，请在草稿中修正。` : '请在草稿中提交征求意见。'}`} />
        : <Alert type="info" showIcon title="本地目录与上级目录一致，没有需要更新的事项，未生成草稿" description={`${answer.source}（${answer.issuedAt.slice(0, 10)}）`} />}
      {answer.updated.length > 0 && (
        <Table<Updated> rowKey="item" size="small" pagination={false} dataSource={answer.updated} aria-label="更新的事项"
          columns={[
            { title: '事项', dataIndex: 'name', render: (name: string, u) => <>{name}<div><Typography.Text type="secondary">{u.matchedBy === 'code' ? '按事项编码对应' : '首次同步，按事项名称对应'}</Typography.Text></div></> },
            { title: '变化', key: 'changes', render: (_: unknown, u) => (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>{u.changes.map((c) => <li key={c.label}>{c.label}：{c.from} → {c.to}</li>)}</ul>
            ) },
          ]} />
      )}
      {answer.unimplemented.length > 0 && (
        <Alert type="warning" showIcon title={`本地尚无实施清单的基本目录事项 ${answer.unimplemented.length} 个`} description={`请相关部门编制实施清单：${answer.unimplemented.map((u) => `${u.name}（${u.code}）`).join('、')}`} />
      )}
      {answer.withdrawn.map((w) => (
        <Alert key={w.item} type="warning" showIcon title={`请核实「${w.name}」`} description={`${w.reason}（${w.code}）。本地事项未删除：仍有一件事包含它时，请先调整一件事。`} />
      ))}
    </div>
  );
}
