import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import { answer, renderWithApp } from '../ui/test-utils';
import SignUpPage, { isMinor } from './SignUpPage';

const yearsAgo = (years: number, days = 0) => {
  const date = new Date();
  date.setFullYear(date.getFullYear() - years);
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
};
const setBirthDate = (value: string) => fireEvent.change(screen.getByLabelText('Date of birth'), { target: { value } });

afterEach(() => vi.restoreAllMocks());

describe('sign up: the guardian only for a minor', () => {
  it('asks for no guardian before a birth date is given, nor for an adult', () => {
    renderWithApp(<SignUpPage />);
    expect(screen.queryByRole('group', { name: 'Your parent or guardian' })).not.toBeInTheDocument();
    setBirthDate(yearsAgo(19));
    expect(screen.queryByLabelText('Guardian’s name')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Guardian’s e-mail')).not.toBeInTheDocument();
  });

  it('asks for the guardian’s name, e-mail and language when the teen is under 18', () => {
    renderWithApp(<SignUpPage />);
    setBirthDate(yearsAgo(14));
    const group = screen.getByRole('group', { name: 'Your parent or guardian' });
    expect(group).toBeInTheDocument();
    expect(screen.getByLabelText('Guardian’s name')).toBeInTheDocument();
    expect(screen.getByLabelText('Guardian’s e-mail')).toBeInTheDocument();
    expect(screen.getByLabelText('Language to write to your guardian in')).toHaveValue('en');
  });

  it('switches at the 18th birthday', () => {
    expect(isMinor(yearsAgo(18, 1))).toBe(true);
    expect(isMinor(yearsAgo(18))).toBe(false);
    expect(isMinor('')).toBe(false);
  });

  it('sends the guardian and the language chosen, then signs in; a field error lands next to its field', async () => {
    const user = userEvent.setup();
    const post = vi.spyOn(api, 'POST').mockResolvedValueOnce(
      answer(400, {
        type: 'about:blank',
        title: 'Validation failed',
        status: 400,
        instance: '/v1/auth/signup',
        code: 'validation-failed',
        errors: [{ field: 'guardianEmail', message: 'guardianEmail must be an email' }],
      }),
    );
    renderWithApp(<SignUpPage />);
    await user.type(screen.getByLabelText('First name'), 'Ana');
    await user.type(screen.getByLabelText('Last name'), 'Ruiz');
    setBirthDate(yearsAgo(13));
    await user.type(screen.getByLabelText('E-mail'), 'ana@example.org');
    await user.type(screen.getByLabelText('Password'), 'a long passphrase');
    await user.type(screen.getByLabelText('Guardian’s name'), 'Rosa Ruiz');
    await user.type(screen.getByLabelText('Guardian’s e-mail'), 'rosa@');
    await user.selectOptions(screen.getByLabelText('Language to write to your guardian in'), 'es');
    await user.click(screen.getByRole('button', { name: 'Create my account' }));

    await waitFor(() => expect(screen.getByLabelText('Guardian’s e-mail')).toHaveAccessibleDescription('guardianEmail must be an email'));
    expect(screen.getByLabelText('Guardian’s e-mail')).toHaveValue('rosa@');
    expect(post).toHaveBeenCalledWith('/v1/auth/signup', {
      body: expect.objectContaining({ guardianName: 'Rosa Ruiz', guardianEmail: 'rosa@', guardianLanguage: 'es', birthDate: yearsAgo(13) }),
    });
  });
});
