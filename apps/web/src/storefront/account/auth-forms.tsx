import { useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../shared/api/errors';
import { useSession } from '../../shared/session/session';
import { Button, Field, FormError } from '../../shared/ui';

export function SignInForm({ onDone }: { onDone?: () => void }) {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email.trim(), password);
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fields = fieldErrors(error, ['email', 'password']);
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Sign in" noValidate>
      <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
      <Field
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fields.password}
      />
      <FormError>{error && !fields.email && !fields.password ? errorMessage(error) : null}</FormError>
      <Button type="submit" disabled={busy || !email || !password}>
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

export function RegisterForm({ onDone, upgrade = false }: { onDone?: () => void; upgrade?: boolean }) {
  const session = useSession();
  const [name, setName] = useState(upgrade ? (session.user?.name ?? '') : '');
  const [email, setEmail] = useState(upgrade ? (session.user?.email ?? '') : '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = 'Enter your name';
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) problems.email = 'Enter an email address like name@example.com';
    if (password.length < 10) problems.password = 'Use at least 10 characters';
    setLocalErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    setError(null);
    try {
      const input = { name: name.trim(), email: email.trim(), password };
      if (upgrade) await session.upgrade(input);
      else await session.register(input);
      onDone?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const server = fieldErrors(error, ['name', 'email', 'password']);
  const isConflict = typeof error === 'object' && error !== null && 'statusCode' in error && error.statusCode === 409;
  const fields: Record<string, string | undefined> = { ...server, ...localErrors, ...(isConflict ? { email: 'An account with this email already exists. Sign in instead.' } : {}) };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label={upgrade ? 'Create your account' : 'Create an account'} noValidate>
      <Field label="Name" autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={fields.name} />
      <Field label="Email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} error={fields.email} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fields.password}
      />
      <FormError>{error && Object.keys(server).length === 0 && !isConflict ? errorMessage(error) : null}</FormError>
      <Button type="submit" disabled={busy}>
        {busy ? 'Creating…' : upgrade ? 'Save my account' : 'Create account'}
      </Button>
    </form>
  );
}
