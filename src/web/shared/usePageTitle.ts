/** Each route names itself in the browser's title bar and history: page first, then the site. */
import { useEffect } from 'react';

const SITE = '高效办成一件事';

export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} - ${SITE}`;
  }, [title]);
}
