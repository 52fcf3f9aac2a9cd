import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api/errors';
import { useSession } from '../../shared/session/session';
import { Button, Field, FormError } from '../ui';

/** Staff sign in with their email and password; the session continues through the refresh cookie. */
export function SignInPage() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await session.signIn(email.trim(), password);
    } catch (e) {
      const status = typeof e === 'object' && e !== null && 'statusCode' in e ? Number(e.statusCode) : 0;
      setError(status === 401 ? 'That email and password do not match a staff account.' : errorMessage(e, 'Could not sign in. Please try again.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="flex min-h-screen items-center justify-center bg-stone-100 px-4">
      <form onSubmit={submit} noValidate className="w-full max-w-sm space-y-4 rounded-2xl bg-white p-6 shadow-sm">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-orange-700">Galley</p>
          <h1 className="text-2xl font-semibold text-stone-900">Staff sign in</h1>
        </div>
        <FormError>{error}</FormError>
        <Field label="Email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <Button type="submit" className="w-full" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </main>
  );
}
