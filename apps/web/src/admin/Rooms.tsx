import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Problem, type Schemas } from '../api/client';
import { Field } from '../ui/Field';
import { Loading } from '../ui/Layout';
import { applyProblem, problemOf } from '../ui/problem';
import { TableWrap } from '../ui/TableWrap';
import { ProblemMessage } from '../ui/ProblemMessage';

type Values = { name: string; seats: number };

/** A branch's rooms with their seats (each renamed or resized), and a new one. */
export function Rooms({ branchId }: { branchId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const [editing, setEditing] = useState<Schemas['RoomDto']>();
  const key = ['branches', branchId, 'rooms'];
  const rooms = useQuery({ queryKey: key, queryFn: async () => unwrap(await api.GET('/v1/branches/{id}/rooms', { params: { path: { id: branchId } } })) });
  const { register, handleSubmit, setError, reset, formState } = useForm<Values>();
  const add = useMutation({
    mutationFn: async (body: Values) => unwrap(await api.POST('/v1/branches/{id}/rooms', { params: { path: { id: branchId } }, body })),
    onSuccess: async () => {
      setProblem(undefined);
      reset();
      await client.invalidateQueries({ queryKey: key });
    },
    onError: (error) => setProblem(applyProblem(error, ['name', 'seats'], setError)),
  });
  return (
    <section aria-labelledby="rooms-title">
      <h2 id="rooms-title">{t('admin.rooms.title')}</h2>
      {rooms.isPending && <Loading />}
      <ProblemMessage words="admin" problem={problemOf(rooms.error)} />
      {rooms.data && rooms.data.length === 0 && <p>{t('admin.rooms.none')}</p>}
      {rooms.data && rooms.data.length > 0 && (
        <TableWrap label={t('admin.rooms.caption')}>
          <table className="table">
            <caption>{t('admin.rooms.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.rooms.name')}</th>
                <th scope="col" className="num">
                  {t('admin.rooms.seats')}
                </th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rooms.data.map((room) => (
                <tr key={room.id}>
                  <th scope="row">{room.name}</th>
                  <td className="num">{room.seats}</td>
                  <td>
                    <button type="button" className="button button--secondary" onClick={() => setEditing(room)}>
                      {t('admin.rooms.change', { name: room.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {editing && <RoomEditor key={editing.id} room={editing} onDone={() => setEditing(undefined)} />}
      <form className="card" noValidate aria-labelledby="new-room-title" onSubmit={handleSubmit((values) => add.mutate(values))}>
        <h3 id="new-room-title">{t('admin.rooms.new')}</h3>
        <ProblemMessage words="admin" problem={problem} />
        <RoomFields register={register} errors={{ name: formState.errors.name?.message, seats: formState.errors.seats?.message }} />
        <button type="submit" className="button" disabled={add.isPending}>
          {t('admin.rooms.add')}
        </button>
      </form>
    </section>
  );
}

function RoomEditor({ room, onDone }: { room: Schemas['RoomDto']; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [problem, setProblem] = useState<Problem>();
  const { register, handleSubmit, setError, formState } = useForm<Values>({ defaultValues: { name: room.name, seats: room.seats } });
  const save = useMutation({
    mutationFn: async (body: Values) =>
      unwrap(await api.PATCH('/v1/branches/{id}/rooms/{roomId}', { params: { path: { id: room.branchId, roomId: room.id } }, body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['branches', room.branchId, 'rooms'] });
      onDone();
    },
    onError: (error) => setProblem(applyProblem(error, ['name', 'seats'], setError)),
  });
  return (
    <form className="card" noValidate aria-labelledby="edit-room-title" onSubmit={handleSubmit((values) => save.mutate(values))}>
      <h3 id="edit-room-title">{t('admin.rooms.edit', { name: room.name })}</h3>
      <ProblemMessage words="admin" problem={problem} />
      <RoomFields register={register} errors={{ name: formState.errors.name?.message, seats: formState.errors.seats?.message }} />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending}>
          {t('admin.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function RoomFields({ register, errors }: { register: UseFormRegister<Values>; errors: { name?: string; seats?: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('admin.rooms.name')} autoComplete="off" error={errors.name} {...register('name', { required: t('form.required') })} />
      <Field
        label={t('admin.rooms.seats')}
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        error={errors.seats}
        {...register('seats', { required: t('form.required'), valueAsNumber: true })}
      />
    </>
  );
}
