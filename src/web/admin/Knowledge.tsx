/** 12345 知识库: what the hotline is given from the latest publication, to read and to download. */
import { Button, Collapse, Empty, Space, Typography } from 'antd';
import type { Static } from 'typebox';
import type { KnowledgeAnswer } from '../../contracts/index.ts';
import { useLoad } from '../shared/useLoad.ts';
import { fmtTime, get, LoadError, Section } from './common.tsx';

type Knowledge = Static<typeof KnowledgeAnswer>;

export function Knowledge() {
  const kb = useLoad(() => get<Knowledge>('/api/admin/knowledge'), []);
  const entries = kb.data?.entries ?? [];
  const matters = [...new Map(entries.map((e) => [e.matterId, e.matterName])).entries()];
  return (
    <Section title="12345 热线知识库" extra={<Button href="/api/admin/knowledge.xlsx" download>下载 Excel</Button>}>
      {kb.error && <LoadError error={kb.error} retry={kb.reload} />}
      {kb.data && (
        <Typography.Paragraph>
          由第 {kb.data.version} 版目录（{fmtTime(kb.data.publishedAt)} 发布）的办事指南生成，每次发布后自动更新：{matters.length} 个一件事，{entries.length} 条知识。
          也可用命令 <Typography.Text code>onething export knowledge --to 目录</Typography.Text> 导出。
        </Typography.Paragraph>
      )}
      {entries.length === 0 && !kb.loading ? <Empty description="暂无知识" /> : (
        <Collapse items={matters.map(([id, name]) => ({
          key: id, label: `${name}（${entries.filter((e) => e.matterId === id).length} 条）`,
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              {entries.filter((e) => e.matterId === id).map((e) => (
                <div key={e.id}>
                  <Typography.Text strong>{e.title}</Typography.Text>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{e.answer}</Typography.Paragraph>
                </div>
              ))}
            </Space>
          ),
        }))} />
      )}
    </Section>
  );
}
