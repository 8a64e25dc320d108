import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';

/** A problem+json answer shown in words: a translated sentence for the codes we know, else the API's own words. */
export function ProblemMessage({ problem }: { problem: Problem | undefined }) {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  const key = `problems.${problem.code}`;
  const text = i18n.exists(key) ? t(key) : problem.detail ?? problem.title;
  return (
    <div role="alert" className="alert alert--error">
      {text}
    </div>
  );
}
