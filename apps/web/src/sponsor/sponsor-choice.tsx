import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { useMe } from '../people/session';
import { SelectField } from '../ui/Field';

/**
 * Whose pages these are: a sponsor user's own company; an admin picks any sponsor (kept in the address as
 * `?sponsor=`, so a link or a reload shows the same one).
 */
export function useSponsorChoice(): { sponsorId: string | undefined; picker: React.ReactNode } {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const admin = me.data?.role === 'admin';
  const sponsors = useQuery({
    queryKey: ['sponsors'],
    queryFn: async () => unwrap(await api.GET('/v1/sponsors', { params: { query: { limit: 200 } } })).items,
    enabled: admin,
  });
  if (!admin) return { sponsorId: me.data?.sponsorId ?? undefined, picker: null };
  const chosen = params.get('sponsor') ?? undefined;
  const picker = (
    <div className="toolbar">
      <SelectField
        label={t('sponsor.choice.label')}
        value={chosen ?? ''}
        onChange={(event) =>
          setParams((previous) => {
            const next = new URLSearchParams(previous);
            next.set('sponsor', event.target.value);
            return next;
          })
        }
      >
        <option value="" disabled>
          {t('sponsor.choice.pick')}
        </option>
        {sponsors.data?.map((sponsor) => (
          <option key={sponsor.id} value={sponsor.id}>
            {sponsor.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
  return { sponsorId: chosen, picker };
}
