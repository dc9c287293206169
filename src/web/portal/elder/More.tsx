/**
 * 长辈模式's fewer words: secondary detail (long help, legal basis, review points, provisional-date
 * notes, reference numbers) folded behind 「更多说明」 instead of removed. In the standard mode the
 * detail shows as it is. The folded part stays in the page (hidden), so nothing is lost, only put away.
 *
 * `More` folds one block behind its own button. For detail spread over a list (each item's department,
 * each material's copies), `MoreGroup` gives one button (`MoreToggle`, placed where it reads best) that
 * opens every `Folded` part inside the group: one button per card, not one per line.
 */
import { Button } from 'antd';
import { createContext, useContext, useId, useState, type ReactNode } from 'react';
import { usePrefs } from '../../shared/prefs.tsx';

interface GroupState { open: boolean; toggle(): void }
const Group = createContext<GroupState | null>(null);

function Toggle({ open, onClick, controls }: { open: boolean; onClick(): void; controls?: string }) {
  const { t } = usePrefs();
  return (
    <Button className="elder-more-toggle" aria-expanded={open} aria-controls={controls} onClick={onClick}>
      <span aria-hidden="true">{open ? '▾ ' : '▸ '}</span>{t('elder_more')}
    </Button>
  );
}

export function More({ children }: { children: ReactNode }) {
  const { elder } = usePrefs();
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!elder) return <>{children}</>;
  return (
    <div className="elder-more" style={{ margin: '8px 0' }}>
      <Toggle open={open} controls={id} onClick={() => setOpen(!open)} />
      <div id={id} hidden={!open} data-elder-more="" style={{ marginTop: 8 }}>{children}</div>
    </div>
  );
}

export function MoreGroup({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return <Group.Provider value={{ open, toggle: () => setOpen((o) => !o) }}>{children}</Group.Provider>;
}

export function MoreToggle() {
  const { elder } = usePrefs();
  const group = useContext(Group);
  if (!elder || !group) return null;
  return <div className="elder-more" style={{ margin: '8px 0' }}><Toggle open={group.open} onClick={group.toggle} /></div>;
}

/** Detail shown in the standard mode, and in 长辈模式 once its group's 更多说明 is opened (`as`: the element it is, a list item in a list). */
export function Folded({ children, as: Tag = 'div' }: { children: ReactNode; as?: 'div' | 'span' | 'li' }) {
  const { elder } = usePrefs();
  const group = useContext(Group);
  if (!elder || !group) return Tag === 'li' ? <li>{children}</li> : <>{children}</>;
  return <Tag hidden={!group.open} data-elder-more="">{children}</Tag>;
}
