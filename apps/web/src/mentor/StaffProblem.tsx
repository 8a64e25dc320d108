import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/client';
import { ProblemMessage } from '../ui/ProblemMessage';

/**
 * A problem+json answer in the staff's words: the consoles' own sentence for a code they know (the teen
 * pages' sentences speak to the teen), else the shared message.
 */
export function StaffProblem({ problem }: { problem: Problem | undefined }) {
  const { t, i18n } = useTranslation();
  if (!problem) return null;
  const key = `mentor.problems.${problem.code}`;
  if (!i18n.exists(key)) return <ProblemMessage problem={problem} />;
  return (
    <div role="alert" className="alert alert--error">
      {t(key)}
    </div>
  );
}
