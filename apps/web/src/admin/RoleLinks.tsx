import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegister } from 'react-hook-form';
import type { Schemas } from '../api/client';
import { SelectField } from '../ui/Field';
import { useBranches } from '../programs/queries';
import { useSponsors } from './shared';

export type StaffRole = Schemas['CreateUserDto']['role'];
export const STAFF_ROLES: readonly StaffRole[] = ['coordinator', 'mentor', 'sponsor', 'admin'];

/** What a role ties an account to: a coordinator's branches, a sponsor user's company. */
export type RoleLinkValues = { role: StaffRole; branchIds: string[]; sponsorId: string };

/** The links only for the role that has them (the API refuses any other). */
export function linksFor(values: RoleLinkValues) {
  return {
    branchIds: values.role === 'coordinator' ? values.branchIds : [],
    sponsorId: values.role === 'sponsor' ? values.sponsorId || undefined : undefined,
  };
}

/** The branches checkboxes for a coordinator, the sponsor picker for a sponsor user. */
export function RoleLinks<T extends RoleLinkValues>({
  role,
  register,
  errors,
}: {
  role: StaffRole;
  register: UseFormRegister<T>;
  errors: { branchIds?: string; sponsorId?: string };
}) {
  const { t } = useTranslation();
  const branches = useBranches();
  const sponsors = useSponsors();
  // Every form here extends RoleLinkValues, so these three names are its own.
  const reg = register as unknown as UseFormRegister<RoleLinkValues>;
  const errorId = `${useId()}-branches-error`;
  if (role === 'coordinator')
    return (
      <fieldset aria-describedby={errors.branchIds ? errorId : undefined}>
        <legend>{t('admin.users.branches')}</legend>
        {branches.data?.map((branch) => (
          <label key={branch.id} className="check">
            <input type="checkbox" value={branch.id} {...reg('branchIds')} />
            {branch.name}
          </label>
        ))}
        {errors.branchIds && (
          <p className="field__error" id={errorId}>
            {errors.branchIds}
          </p>
        )}
      </fieldset>
    );
  if (role === 'sponsor')
    return (
      <SelectField label={t('admin.users.sponsor')} error={errors.sponsorId} {...reg('sponsorId', { required: t('form.required') })}>
        <option value="">{t('admin.users.pickSponsor')}</option>
        {sponsors.data?.map((sponsor) => (
          <option key={sponsor.id} value={sponsor.id}>
            {sponsor.name}
          </option>
        ))}
      </SelectField>
    );
  return null;
}
