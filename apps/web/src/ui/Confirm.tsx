import { type ReactNode, useId } from 'react';

interface Props {
  question: ReactNode;
  yes: ReactNode;
  no: ReactNode;
  /** While the action runs: the yes button waits. */
  busy?: boolean;
  /** A red yes, for what cannot be undone (the default). */
  danger?: boolean;
  onYes(): void;
  onNo(): void;
  /** What to show under the buttons, e.g. the action's problem. */
  children?: ReactNode;
}

/**
 * Asks before an action: the question names the group for screen readers, and focus lands on "no", so a second
 * Enter does not confirm by accident.
 */
export function Confirm({ question, yes, no, busy, danger = true, onYes, onNo, children }: Props) {
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className="confirm">
      <p id={id}>{question}</p>
      <div className="actions">
        <button type="button" className={danger ? 'button button--danger' : 'button'} disabled={busy} onClick={onYes}>
          {yes}
        </button>
        <button type="button" className="button button--secondary" autoFocus onClick={onNo}>
          {no}
        </button>
      </div>
      {children}
    </div>
  );
}
