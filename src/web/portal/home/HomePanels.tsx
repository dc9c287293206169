/** The home page's shortcuts: life stages as a navigator, the applicant's cases in progress, frequent matters. */
import { Card, List, Tag, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { get } from '../../shared/api.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { CASE_STATUS_TEXT, STATUS_COLOR, type CaseListEntry } from '../case/types.ts';
import { recentMatters } from './recent.ts';

export interface MatterCard { id: string; name: string; summary: string; lead: { name: string }; items: number }
export interface Stage { stage: string; name: string; subject: 'person' | 'enterprise'; matters: MatterCard[] }

export const stageDomId = (s: Stage) => `stage-${s.subject}-${s.stage}`;

/** Moves focus to the stage's card itself: a bare #hash would also scroll, but leave the hash in the address. */
function goTo(e: MouseEvent<HTMLAnchorElement>, id: string) {
  e.preventDefault();
  const el = document.getElementById(id);
  el?.scrollIntoView({ block: 'start' });
  el?.focus({ preventScroll: true });
}

export function StageNavigator({ stages }: { stages: Stage[] }) {
  const { t, lang } = usePrefs();
  return (
    <nav aria-label={t('stageNav')}>
      <ul className="stage-nav">
        {stages.map((s) => (
          <li key={s.stage}>
            <a href={`#${stageDomId(s)}`} onClick={(e) => goTo(e, stageDomId(s))} lang="zh-CN">
              {s.name}<span className="visually-hidden" lang={lang === 'zh' ? undefined : 'en'}>{t('home_stageCount', { n: s.matters.length })}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const FINISHED = new Set(['completed', 'withdrawn', 'rejected']);

export function CasesInProgress() {
  const { t } = usePrefs();
  const { data } = useLoad(() => get<{ cases: CaseListEntry[] }>('/api/cases'), []);
  const open = (data?.cases ?? []).filter((c) => !FINISHED.has(c.status));
  if (!data || open.length === 0) return null;
  return (
    <section aria-labelledby="in-progress-title">
    <Card size="small" title={<h2 id="in-progress-title" style={{ margin: 0, fontSize: 'inherit' }}>{t('inProgress')}</h2>} extra={<Link to="/cases">{t('allCases')}</Link>} style={{ marginBottom: 16 }}>
      <List dataSource={open.slice(0, 3)} renderItem={(c) => (
        <List.Item>
          {/* The link is the case number: the matter's name alone would read like the guide's link below. */}
          <div>
            <Typography.Text strong lang="zh-CN">{c.matter.name}</Typography.Text>
            <div><Tag color={STATUS_COLOR[c.status]}>{CASE_STATUS_TEXT[c.status]}</Tag><Link to={`/cases/${c.id}`}>{t('home_viewCase', { number: c.number })}</Link></div>
          </div>
        </List.Item>
      )} />
    </Card>
    </section>
  );
}

/** What this browser opened lately, then the first matter of each life stage for persons, up to six. */
export function frequentMatters(stages: Stage[]): MatterCard[] {
  const all = new Map(stages.flatMap((s) => s.matters.map((m) => [m.id, m] as const)));
  const picked = recentMatters().map((id) => all.get(id)).filter((m): m is MatterCard => m !== undefined);
  for (const s of stages.filter((x) => x.subject === 'person')) {
    const first = s.matters[0];
    if (first && !picked.some((m) => m.id === first.id)) picked.push(first);
  }
  return picked.slice(0, 6);
}

/** 新生儿出生“一件事” → 新生儿出生: a shortcut tile has room for the words that tell matters apart. */
export const shortName = (name: string) => name.replace(/[“"]一件事[”"]$/u, '');

export function FrequentMatters({ stages }: { stages: Stage[] }) {
  const { t } = usePrefs();
  const matters = frequentMatters(stages);
  if (matters.length === 0) return null;
  return (
    <section aria-labelledby="frequent-title" style={{ marginBottom: 16 }}>
      <Typography.Title level={2} id="frequent-title" style={{ fontSize: '1.2em' }}>{t('frequent')}</Typography.Title>
      <ul className="stage-nav">
        {matters.map((m) => <li key={m.id}><Link to={`/matters/${m.id}`} lang="zh-CN">{shortName(m.name)}</Link></li>)}
      </ul>
    </section>
  );
}
