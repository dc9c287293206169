/**
 * 亮证: a QR code and a six-digit code for one licence, valid for a few minutes, so the person at the
 * counter scans it and sees the licence verified; a photo of the screen is useless afterwards.
 */
import { Alert, Button, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { PresentationAnswer } from '../../../contracts/presentation.ts';
import type { WalletLicense } from '../../../contracts/results.ts';
import { shanghaiMinute } from '../../../shared/time/shanghai.ts';
import { errorText, post } from '../../shared/api.ts';
import { MUTED } from '../../shared/form/muted.ts';

/** Seconds left until `iso`, ticking once a second; 0 once past. */
function useSecondsLeft(iso: string | null): number {
  const left = () => (iso ? Math.max(0, Math.ceil((new Date(iso).getTime() - Date.now()) / 1000)) : 0);
  const [seconds, setSeconds] = useState(left);
  useEffect(() => {
    setSeconds(left());
    if (!iso) return undefined;
    const timer = window.setInterval(() => setSeconds(left()), 1000);
    return () => window.clearInterval(timer);
  }, [iso]);
  return seconds;
}

const minutesText = (s: number) => `${Math.floor(s / 60)} 分 ${String(s % 60).padStart(2, '0')} 秒`;

export function ShowLicense({ license }: { license: WalletLicense }) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<PresentationAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = useSecondsLeft(shown?.expiresAt ?? null);
  const fetchCode = async () => {
    setBusy(true);
    setError(null);
    try {
      setShown(await post<PresentationAnswer>(`/api/wallet/licenses/${license.id}/presentation`));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const expired = shown !== null && left === 0;
  return (
    <>
      <Button type="primary" onClick={() => { setOpen(true); void fetchCode(); }}>亮证<span className="visually-hidden">：{license.name}</span></Button>
      <Modal open={open} title={`亮证：${license.name}`} onCancel={() => { setOpen(false); setShown(null); }} footer={<Button onClick={() => { setOpen(false); setShown(null); }}>关闭</Button>} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {busy && <Spin description="正在生成亮证码…" />}
        {shown && !busy && (
          <div style={{ textAlign: 'center' }}>
            {expired ? (
              <Alert type="warning" showIcon title="亮证码已过期" description="为防止截图被他人冒用，亮证码几分钟后失效。请重新亮证。" action={<Button onClick={() => void fetchCode()}>重新亮证</Button>} style={{ textAlign: 'start' }} />
            ) : (
              <>
                <img src={shown.qr} alt={`${license.name}的亮证二维码`} width={240} height={240} style={{ display: 'block', margin: '0 auto', maxWidth: '100%', height: 'auto' }} />
                <Typography.Paragraph style={{ margin: '8px 0 0' }}>亮证码</Typography.Paragraph>
                <Typography.Paragraph style={{ fontSize: '2em', letterSpacing: '0.2em', fontFamily: 'monospace', margin: 0 }} aria-label={`亮证码 ${shown.code.split('').join(' ')}`}>{shown.code}</Typography.Paragraph>
                <Typography.Paragraph style={MUTED}>
                  请对方扫码核验，并核对核验页上的亮证码与此一致。有效期至 {shanghaiMinute(shown.expiresAt)}（北京时间），<span role="timer" aria-live="off">还剩 {minutesText(left)}</span>。
                </Typography.Paragraph>
                <Typography.Paragraph style={MUTED}><a href={shown.url} target="_blank" rel="noopener noreferrer">在本机打开核验页（新窗口打开）</a></Typography.Paragraph>
              </>
            )}
          </div>
        )}
      </Modal>
    </>
  );
}
