/** The flow of a key matter drawn as steps: items in one step run in parallel, steps run in series. */
import { Card, Tag } from 'antd';
import { usePrefs } from '../shared/prefs.tsx';

export function FlowDiagram({ stages, names, days }: { stages: string[][]; names: Record<string, string>; days: Record<string, number> }) {
  const { t } = usePrefs();
  return (
    <div role="list" aria-label={t('process')} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'stretch', gap: 8 }}>
      {stages.map((stage, i) => (
        <div role="listitem" key={i} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <Card size="small" title={`${t('stage', { n: i + 1 })}${stage.length > 1 ? ` · ${t('parallel')}` : ''}`} style={{ minWidth: 200 }}>
            {stage.map((id) => (
              <div key={id} style={{ padding: '4px 0' }}>
                <span lang="zh-CN">{names[id] ?? id}</span> <Tag>{days[id] === 0 ? t('flow_sameDay') : `${days[id]} ${t('workingDays')}`}</Tag>
              </div>
            ))}
          </Card>
          {i < stages.length - 1 && <span aria-hidden style={{ fontSize: 24 }}>→</span>}
        </div>
      ))}
    </div>
  );
}
