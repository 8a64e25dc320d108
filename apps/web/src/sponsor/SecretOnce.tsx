import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A secret the API gives once (an API key, a webhook's signing secret): shown in this component's state only —
 * never stored — with a copy button and a plain warning that it will not be shown again.
 */
export function SecretOnce({ label, secret, onDismiss }: { label: string; secret: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | undefined>();
  return (
    <div className="alert alert--ok" role="region" aria-label={label}>
      <p>
        <strong>{t('sponsor.secret.once')}</strong>
      </p>
      <div className="copy">
        <label htmlFor={id}>{label}</label>
        <input id={id} readOnly value={secret} className="secret" onFocus={(event) => event.target.select()} />
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() =>
              navigator.clipboard.writeText(secret).then(
                () => setCopied('yes'),
                () => setCopied('no'),
              )
            }
          >
            {t('sponsor.secret.copy')}
          </button>
          <button type="button" className="button button--secondary" onClick={onDismiss}>
            {t('sponsor.secret.done')}
          </button>
        </div>
        <p role="status">{copied === 'yes' ? t('sponsor.secret.copied') : copied === 'no' ? t('sponsor.secret.copyFailed') : ''}</p>
      </div>
    </div>
  );
}
