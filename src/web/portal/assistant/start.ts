/**
 * Starts a matter's questionnaire with answers already given: the apply page restores its answers
 * from this session entry (see usePlanner), so nothing else needs to know where they came from.
 */
export function startWithAnswers(matterId: string, answers: Record<string, string | boolean>): void {
  try {
    sessionStorage.setItem(`onething.apply.${matterId}`, JSON.stringify({ answers, removed: [] }));
  } catch {
    // storage unavailable: the questionnaire starts empty
  }
}
