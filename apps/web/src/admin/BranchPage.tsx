import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { Loading, RequireSignIn } from '../ui/Layout';
import { problemOf } from '../ui/problem';
import { BranchForm } from './BranchForm';
import { Closures } from './Closures';
import { Rooms } from './Rooms';
import { ProblemMessage } from '../ui/ProblemMessage';

export default function BranchPage() {
  return (
    <RequireSignIn roles={['admin']}>
      <Branch />
    </RequireSignIn>
  );
}

function Branch() {
  const { t } = useTranslation();
  const { branchId = '' } = useParams();
  const client = useQueryClient();
  const branch = useQuery({
    queryKey: ['branches', 'one', branchId],
    queryFn: async () => unwrap(await api.GET('/v1/branches/{id}', { params: { path: { id: branchId } } })),
  });
  if (branch.isPending) return <Loading />;
  if (!branch.data) return <ProblemMessage words="admin" problem={problemOf(branch.error)} />;
  return (
    <section>
      <p>
        <Link to="/admin/branches">{t('admin.branches.back')}</Link>
      </p>
      <h1>{branch.data.name}</h1>
      <section className="card" aria-labelledby="branch-details-title">
        <h2 id="branch-details-title">{t('admin.branches.details')}</h2>
        <BranchForm key={branch.data.id} branch={branch.data} onSaved={() => client.invalidateQueries({ queryKey: ['branches'] })} />
      </section>
      <Rooms branchId={branch.data.id} />
      <Closures branch={branch.data} />
    </section>
  );
}
