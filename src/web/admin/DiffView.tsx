/**
 * What publishing a draft would change, readable: the matters and departments concerned, then per
 * document whether it was added, removed or changed, and for a change every leaf as
 * path, before → after (removed text struck through in red, new text in green).
 */
import { Alert, Button, Empty, Spin, Tag, Typography } from 'antd';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useLoad, type Loaded } from '../shared/useLoad.ts';
import { CHANGE, get, KIND, LoadError, Section } from './common.tsx';
import type { DiffView as Diff, LeafChange } from './types.ts';

/** Chinese names of the catalogue's common keys, shown under the technical path. */
const WORDS: Record<string, string> = {
  timeLimit: '时限', promised: '承诺', legal: '法定', name: '名称', materials: '材料', conditions: '受理条件', legalBasis: '设定依据',
  fees: '收费', free: '免费', note: '说明', channels: '渠道', trips: '跑动次数', fields: '字段', result: '办理结果', review: '审查要点',
  formal: '形式审查', substantive: '实质审查', replacedBy: '免提交方式', requiredIf: '需提交条件', deferrable: '可容缺', copies: '份数',
  form: '形式', medium: '介质', department: '部门', kind: '类型', items: '事项', questions: '问题', situations: '情形', partners: '配合部门',
  lead: '牵头部门', guide: '指南', summary: '概述', text: '文字', options: '选项', label: '标签', help: '提示', when: '条件',
  after: '前序事项', required: '必办', reason: '理由', window: '窗口', phone: '电话', address: '地址', hours: '办公时间',
  contacts: '咨询电话', faq: '常见问题', description: '说明', advice: '建议', eligible: '可联办', title: '标题', type: '类型',
  timeLimitNote: '时限说明', policyBasis: '政策依据', applicants: '申请对象', windows: '综合窗口', code: '编码', group: '分组',
  source: '来源', assumptions: '假设', holder: '持证主体', license: '电子证照', level: '层级', region: '区域', batch: '批次',
};

function words(path: string): string {
  const parts = path.split(/[.[\]=]+/).filter(Boolean).map((p) => WORDS[p]).filter((w): w is string => !!w);
  return parts.join(' › ');
}

function Value({ v }: { v: unknown }) {
  if (v === undefined) return null;
  if (v === null) return <span>null</span>;
  if (typeof v === 'string') return <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;
  if (typeof v === 'number' || typeof v === 'boolean') return <span className="mono">{String(v)}</span>;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return <span>[{v.map((x) => String(x)).join('，')}]</span>;
  return <pre className="mono" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(v, null, 2)}</pre>;
}

function Leaf({ c }: { c: LeafChange }) {
  const added = !('before' in c);
  const removed = !('after' in c);
  const hint = words(c.path);
  return (
    <tr>
      <td data-label="位置" className="diff-path">
        <span className="mono">{c.path}</span>
        {hint && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text></div>}
      </td>
      <td data-label="修改前" className={added ? undefined : 'diff-before'}>{added ? <Typography.Text type="secondary">（无，新增）</Typography.Text> : <del><Value v={c.before} /></del>}</td>
      <td data-label="修改后" className={removed ? undefined : 'diff-after'}>{removed ? <Typography.Text type="secondary">（已删除）</Typography.Text> : <ins style={{ textDecoration: 'none' }}><Value v={c.after} /></ins>}</td>
    </tr>
  );
}

/** A draft's diff, read again whenever `version` changes. */
export const useDiff = (draftId: string, version = 0): Loaded<Diff> => useLoad(() => get<Diff>(`/api/admin/drafts/${draftId}/diff`), [draftId, version]);

/** The diff of a draft, read when shown (the to-do page's “展开变更内容”). */
export function DraftDiff({ draftId }: { draftId: string }) {
  return <DiffView draftId={draftId} diff={useDiff(draftId)} />;
}

/** `diff` as `useDiff` reads it: the draft's page reads it once for its file count, this tab and the published guides. */
export function DiffView({ draftId, diff: q }: { draftId: string; diff: Loaded<Diff> }) {
  if (q.error) return <LoadError error={q.error} retry={q.reload} />;
  if (!q.data) return <Spin description="加载中…" />;
  const d = q.data;
  const editFile = (file: string) => `/admin/drafts/${draftId}?tab=edit&file=${encodeURIComponent(file)}`;
  return (
    <div className="admin-stack">
      <div className="admin-row" style={{ justifyContent: 'space-between' }}>
        <Typography.Text>与第 {d.against} 版相比：{d.documents.length === 0 ? '没有变化' : `${d.documents.length} 个文件有变化`}</Typography.Text>
        <Button onClick={q.reload} loading={q.loading}>刷新</Button>
      </div>
      {d.documents.length === 0 ? <Empty description="草稿与现行版本相同" /> : (
        <Alert type="info" showIcon title="本次变更涉及" description={
          <>
            <div>一件事：{d.matters.length === 0 ? '无' : d.matters.map((m, i) => <Fragment key={m.id}>{i > 0 && '；'}<strong>{m.name}</strong>（{m.why.join('，')}）</Fragment>)}</div>
            <div>需征求意见的部门：{d.departments.length === 0 ? '无' : d.departments.map((x) => x.name).join('、')}</div>
          </>
        } />
      )}
      {d.documents.map((doc) => (
        <Section key={doc.file} level={4} title={<span className="admin-row" style={{ gap: 6 }}><Tag color={CHANGE[doc.change].color}>{CHANGE[doc.change].text}</Tag><Tag>{KIND[doc.kind]}</Tag><span className="mono" style={{ fontWeight: 600 }}>{doc.file}</span></span>}
          extra={doc.change !== 'removed' ? <Link to={editFile(doc.file)} aria-label={`打开文件 ${doc.file}`}>打开文件</Link> : undefined}>
          {doc.change === 'changed' ? (
            <table className="diff-table">
              <caption className="sr-only">{doc.file} 的 {doc.changes?.length ?? 0} 处变化</caption>
              <thead><tr><th scope="col" style={{ width: '30%' }}>位置</th><th scope="col" style={{ width: '35%' }}>修改前</th><th scope="col">修改后</th></tr></thead>
              <tbody>{(doc.changes ?? []).map((c, i) => <Leaf key={i} c={c} />)}</tbody>
            </table>
          ) : (
            <Typography.Text>{doc.change === 'added' ? '新增的文件，全部内容为新内容。' : '该文件已从目录中删除。'}</Typography.Text>
          )}
        </Section>
      ))}
    </div>
  );
}
