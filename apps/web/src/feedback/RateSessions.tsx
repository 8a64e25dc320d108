import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type Schemas } from '../api/client';
import { TextAreaField } from '../ui/Field';
import { ProblemMessage } from '../ui/ProblemMessage';
import { applyProblem, problemOf } from '../ui/problem';
import { formatDateTime, formatTimeRange } from '../ui/time';
import './feedback.css';

type Request = Schemas['FeedbackRequestDto'];
const RATINGS = [1, 2, 3, 4, 5] as const;
const MAX_COMMENT = 1000;

/** The teen's recent sessions, each with "How was it?" until rated (or the week is over). Nothing shows when there are none. */
export function RateSessions() {
  const { t } = useTranslation();
  const requests = useQuery({ queryKey: ['my-feedback'], queryFn: async () => unwrap(await api.GET('/v1/me/feedback')) });
  if (!requests.data?.length) return <ProblemMessage problem={problemOf(requests.error)} />;
  return (
    <section aria-labelledby="rate-sessions">
      <h2 id="rate-sessions">{t('feedback.title')}</h2>
      <p>{t('feedback.intro')}</p>
      <ul className="list">
        {requests.data.map((request) => (
          <li key={request.sessionId}>
            <RateSession request={request} />
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Form {
  rating: string;
  comment: string;
}

function RateSession({ request }: { request: Request }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const headingId = useId();
  const { register, handleSubmit, setError, formState } = useForm<Form>({ defaultValues: { rating: '', comment: '' } });
  const give = useMutation({
    mutationFn: async (form: Form) =>
      unwrap(
        await api.POST('/v1/sessions/{id}/feedback', {
          params: { path: { id: request.sessionId } },
          body: { rating: Number(form.rating), ...(form.comment.trim() ? { comment: form.comment } : {}) },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['my-feedback'] }),
    onError: (error) => applyProblem(error, ['rating', 'comment'], setError),
  });
  const when = formatTimeRange(request.startsAt, request.endsAt, request.timezone, i18n.language);
  return (
    <article aria-labelledby={headingId}>
      <h3 id={headingId}>
        {request.programTitle}
        {request.topic && <> · {request.topic}</>}
      </h3>
      <p className="meta">{when}</p>
      {request.rating !== null ? (
        <p role="status">{t('feedback.given', { rating: request.rating })}</p>
      ) : (
        <form onSubmit={handleSubmit((form) => give.mutate(form))} noValidate>
          <fieldset className="rating" aria-describedby={formState.errors.rating ? `${headingId}-rating-error` : undefined}>
            <legend>{t('feedback.question')}</legend>
            {RATINGS.map((rating) => (
              <label key={rating} className="rating__choice">
                <input type="radio" value={rating} {...register('rating', { required: t('feedback.pickRating') })} />
                {t(`feedback.rating.${rating}`)}
              </label>
            ))}
            {formState.errors.rating && (
              <p className="field__error" id={`${headingId}-rating-error`}>
                {formState.errors.rating.message}
              </p>
            )}
          </fieldset>
          <TextAreaField
            label={t('feedback.comment')}
            hint={t('feedback.commentHint', { max: MAX_COMMENT })}
            maxLength={MAX_COMMENT}
            rows={3}
            error={formState.errors.comment?.message}
            {...register('comment')}
          />
          <p className="meta">{t('feedback.closes', { at: formatDateTime(request.closesAt, request.timezone, i18n.language) })}</p>
          <button type="submit" className="button" disabled={give.isPending}>
            {t('feedback.send')}
          </button>
          <ProblemMessage problem={problemOf(give.error)} />
        </form>
      )}
    </article>
  );
}
