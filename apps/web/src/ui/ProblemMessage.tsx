import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';

/** The consoles whose words carry their own sentences for problems (`<console>.problems.<code>`). */
export type ProblemWords = 'coordinator' | 'mentor' | 'sponsor' | 'admin';

/**
 * A problem+json answer shown in words: the console's sentence for its code where `words` names a console that has
 * one (staff are spoken to differently from teens), else the app's, else the API's own words. The problem's
 * members (and `values`) fill the sentence.
 */
export function ProblemMessage({ problem, words, values }: { problem: Problem | undefined; words?: ProblemWords; values?: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  const key = [words && `${words}.problems.${problem.code}`, `problems.${problem.code}`].find((k): k is string => !!k && i18n.exists(k));
  return (
    <div role="alert" className="alert alert--error">
      {key ? t(key, { ...problem, ...values }) : (problem.detail ?? problem.title)}
    </div>
  );
}
