import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../api/client';
import { useMe } from '../people/session';
import { useBranches } from '../programs/queries';
import { SelectField } from '../ui/Field';

/**
 * The branch a page is about: the `branch` of the address when it is one of mine (an admin runs them all), else my
 * first; changing it keeps the address shareable and the back button working.
 */
export function useBranchChoice() {
  const me = useMe();
  const branches = useBranches();
  const [search, setSearch] = useSearchParams();
  const mine = (branches.data ?? []).filter((b) => me.data?.role === 'admin' || me.data?.branchIds.includes(b.id));
  const asked = search.get('branch');
  const branchId = mine.find((b) => b.id === asked)?.id ?? mine[0]?.id ?? '';
  const setBranch = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('branch', id);
    setSearch(next, { replace: true });
  };
  return { mine, branchId, setBranch, isPending: me.isPending || branches.isPending, error: branches.error };
}

/** The branch choice for a coordinator who runs more than one; the branch's name for one who runs one. */
export function BranchPicker({ mine, branchId, onChange }: { mine: Schemas['BranchDto'][]; branchId: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  if (mine.length < 2) return mine[0] ? <p className="lead">{t('coordinator.schools.at', { branch: mine[0].name })}</p> : null;
  return (
    <div className="toolbar">
      <SelectField label={t('coordinator.schools.branch')} value={branchId} onChange={(e) => onChange(e.target.value)}>
        {mine.map((b) => (
          <option key={b.id} value={b.id}>
            {b.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
