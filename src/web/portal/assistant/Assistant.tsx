/**
 * 智能客服 (clause 7.2.2): a panel on every page that answers from the published guides, links into
 * the guide section it quotes, starts a matter's questionnaire with what the question implies, and
 * hands over to a person (12345, the window) when it has no confident answer.
 */
import { Button, Drawer, Input, Space, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { AskAnswer } from '../../../contracts/search.ts';
import { errorText, get } from '../../shared/api.ts';
import { fillNodes } from '../../shared/fillNodes.tsx';
import { usePhone } from '../../shared/phone/usePhone.ts';
import { usePrefs } from '../../shared/prefs.tsx';
import { PersonCard } from './PersonCard.tsx';
import { startWithAnswers } from './start.ts';
import './assistant.css';

interface Turn { question: string; answer: AskAnswer | null; error?: string }

export function Assistant() {
  const { t } = usePrefs();
  const navigate = useNavigate();
  // A 420 px side panel would not fit a phone: there it is a bottom sheet as wide as the screen.
  const phone = usePhone();
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState('');
  const [turns, setTurns] = useState<Turn[]>([]);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const log = useRef<HTMLDivElement>(null);
  const input = useRef<InputRef>(null);
  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView({ block: 'start' });
  }, [turns]);

  // Closed by following a link, the page it leads to takes the focus; closed otherwise, the opener does.
  const returnFocus = useRef(true);
  const close = () => {
    returnFocus.current = true;
    setOpen(false);
  };
  const follow = () => {
    returnFocus.current = false;
    setOpen(false);
  };
  const ask = async () => {
    const q = question.trim();
    if (q === '' || busy) return;
    setBusy(true);
    setQuestion('');
    try {
      const answer = await get<AskAnswer>(`/api/public/ask?q=${encodeURIComponent(q.slice(0, 100))}`);
      setTurns((ts) => [...ts, { question: q, answer }]);
    } catch (e) {
      setTurns((ts) => [...ts, { question: q, answer: null, error: errorText(e) }]);
    } finally {
      setBusy(false);
    }
  };
  const start = (s: NonNullable<AskAnswer['start']>) => {
    startWithAnswers(s.matter.id, s.answers);
    follow();
    navigate(s.link);
  };

  return (
    <>
      <Button ref={opener} type="primary" size="large" className="assistant-open" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        {t('assistant')}
      </Button>
      <Drawer open={open} onClose={close} placement={phone ? 'bottom' : 'right'} size={phone ? '88%' : 420} destroyOnHidden={false}
        title={<h2 id="assistant-title" style={{ margin: 0, fontSize: '1.1em' }}>{t('assistant')}</h2>}
        closable={{ 'aria-label': t('assistantClose'), placement: 'end' }}
        closeIcon={<span aria-hidden="true" className="assistant-close">×</span>}
        rootClassName={phone ? 'assistant-panel assistant-sheet' : 'assistant-panel'}
        // Opened, the question box takes the focus (every time, not only on the first mount).
        afterOpenChange={(visible) => { if (visible) input.current?.focus(); else if (returnFocus.current) opener.current?.focus(); }}
        aria-labelledby="assistant-title">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>{t('assistantIntro')}</Typography.Paragraph>
          <div ref={log} role="log" aria-live="polite" aria-label={t('assistant')}>
            {turns.map((turn, i) => (
              <section key={i} className="assistant-turn" style={{ marginBottom: 16 }}>
                <Typography.Paragraph strong lang="zh-CN">{turn.question}</Typography.Paragraph>
                {turn.error && <Typography.Paragraph type="danger">{turn.error}</Typography.Paragraph>}
                {turn.answer && <Reply answer={turn.answer} onFollow={follow} onStart={start} />}
              </section>
            ))}
            {busy && <Typography.Paragraph type="secondary">{t('assistantThinking')}</Typography.Paragraph>}
          </div>
          <form onSubmit={(e) => { e.preventDefault(); void ask(); }}>
            <Space.Compact style={{ width: '100%' }}>
              <Input ref={input} autoFocus aria-label={t('assistantPlaceholder')} placeholder={t('assistantPlaceholder')} value={question} maxLength={100} onChange={(e) => setQuestion(e.target.value)} />
              <Button type="primary" htmlType="submit" loading={busy}>{t('assistantAsk')}</Button>
            </Space.Compact>
          </form>
        </Space>
      </Drawer>
    </>
  );
}

function Reply({ answer, onFollow, onStart }: { answer: AskAnswer; onFollow: () => void; onStart: (s: NonNullable<AskAnswer['start']>) => void }) {
  const { t } = usePrefs();
  if (answer.handoff || !answer.answer) {
    return (
      <div className="assistant-handoff">
        <Typography.Paragraph>{t('assistantHandoff')}</Typography.Paragraph>
        <PersonCard person={answer.person} />
        <Typography.Paragraph>
          <Link to={`/consult?from=ask${answer.alternatives[0] ? `&matter=${encodeURIComponent(answer.alternatives[0].id)}` : ''}&q=${encodeURIComponent(answer.question)}`} onClick={onFollow}>{t('assistantWrite')}</Link>
        </Typography.Paragraph>
        {answer.alternatives.length > 0 && (
          <Typography.Paragraph>
            {t('assistantMaybe')}{' '}
            {answer.alternatives.map((m, i) => <span key={m.id}>{i > 0 && t('listSep')}<Link to={`/matters/${encodeURIComponent(m.id)}`} onClick={onFollow} lang="zh-CN">{m.name}</Link></span>)}
          </Typography.Paragraph>
        )}
      </div>
    );
  }
  const a = answer.answer;
  return (
    <div className="assistant-answer">
      <Typography.Paragraph type="secondary">{fillNodes(t('assistantFrom'), { matter: <span lang="zh-CN">{a.matter.name}</span>, section: <span lang="zh-CN">{a.section.name}</span> })}</Typography.Paragraph>
      {a.faq && <Typography.Paragraph strong lang="zh-CN">{a.faq}</Typography.Paragraph>}
      <Typography.Paragraph style={{ whiteSpace: 'pre-line' }} lang="zh-CN">{a.text}</Typography.Paragraph>
      <Space wrap>
        <Link to={a.link} onClick={onFollow}>{t('assistantOpenSection')}</Link>
        {answer.start && <Button size="small" onClick={() => answer.start && onStart(answer.start)}>{t('assistantStart')}</Button>}
      </Space>
      {answer.start && answer.start.described.length > 0 && (
        <ul style={{ marginTop: 8 }} lang="zh-CN">
          {answer.start.described.map((d) => <li key={d.question}>{d.question} {d.answer}</li>)}
        </ul>
      )}
    </div>
  );
}
