/** What shared data says about the logged-in applicant that answers guide questions (and the e-licenses held). */
import { useEffect, useState } from 'react';
import { get } from '../../shared/api.ts';
import { useAuth } from '../../shared/auth.tsx';
import type { Facts } from './usePlanner.ts';

const NONE: Facts = {};

export function useApplicantFacts(): Facts {
  const { account } = useAuth();
  const [facts, setFacts] = useState<Facts>(NONE);
  useEffect(() => {
    if (account?.role !== 'applicant') {
      setFacts(NONE);
      return;
    }
    let live = true;
    get<{ facts: Facts }>('/api/me/facts').then((r) => live && setFacts(r.facts), () => live && setFacts(NONE));
    return () => {
      live = false;
    };
  }, [account?.id, account?.role]);
  return facts;
}
