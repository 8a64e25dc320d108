import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { ApiProblem, type Problem } from '../api/client';
import { Field } from './Field';
import { ProblemMessage } from './ProblemMessage';
import { applyProblem } from './problem';
import { i18n } from '../i18n';
import { renderWithApp } from './test-utils';

type Values = { email: string; name: string };

function Form({ problem }: { problem: Problem }) {
  const { register, handleSubmit, setError, formState } = useForm<Values>();
  const [left, setLeft] = useState<Problem>();
  return (
    <form onSubmit={handleSubmit(() => setLeft(applyProblem(new ApiProblem(problem), ['email', 'name'], setError)))}>
      <ProblemMessage problem={left} />
      <Field label="E-mail" error={formState.errors.email?.message} {...register('email')} />
      <Field label="Name" error={formState.errors.name?.message} {...register('name')} />
      <button type="submit">Send</button>
    </form>
  );
}

const validation = (errors: { field: string; code: string; message: string }[]): Problem => ({
  type: 'about:blank',
  title: 'Validation failed',
  status: 400,
  instance: '/v1/x',
  code: 'validation-failed',
  detail: 'The request has invalid fields.',
  errors,
});

describe('Field with a problem+json answer', () => {
  it('shows the message in words next to the field it names, and keeps what was typed', async () => {
    const user = userEvent.setup();
    renderWithApp(<Form problem={validation([{ field: 'email', code: 'isEmail', message: 'email must be an email' }])} />);
    await user.type(screen.getByLabelText('E-mail'), 'not-an-email');
    await user.type(screen.getByLabelText('Name'), 'Ana');
    await user.click(screen.getByRole('button', { name: 'Send' }));

    const email = screen.getByLabelText('E-mail');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Please enter an e-mail address, like name@example.com.');
    expect(email).toHaveValue('not-an-email');
    expect(screen.getByLabelText('Name')).toHaveValue('Ana');
    expect(screen.getByLabelText('Name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says a problem that names no field above the form, in the page’s language when the code is known', async () => {
    const user = userEvent.setup();
    renderWithApp(<Form problem={{ ...validation([]), status: 409, code: 'email-taken', title: 'Conflict', detail: 'taken' }} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert')).toHaveTextContent('An account with this e-mail already exists');
  });

  it('says a field error by its code in Spanish on a Spanish page, and in the API’s words for a code it has no sentence for', async () => {
    const user = userEvent.setup();
    await i18n.changeLanguage('es');
    try {
      renderWithApp(
        <Form
          problem={validation([
            { field: 'email', code: 'isEmail', message: 'email must be an email' },
            { field: 'name', code: 'isSomethingNew', message: 'name breaks a new rule' },
          ])}
        />,
      );
      await user.click(screen.getByRole('button', { name: 'Send' }));
      expect(screen.getByLabelText('E-mail')).toHaveAccessibleDescription('Escribe una dirección de correo, como nombre@ejemplo.com.');
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('name breaks a new rule');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('falls back to the API’s own words for a code it does not know', async () => {
    const user = userEvent.setup();
    renderWithApp(<Form problem={{ ...validation([{ field: 'school', code: 'maxLength', message: 'school is too long' }]), detail: 'The school is too long.' }} />);
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The school is too long.');
  });
});
