import { useSession } from '../../shared/session/session';
import { Button } from '../ui';

/** What a signed-in customer sees at /admin: a page, never admin data. */
export function NotStaffPage() {
  const session = useSession();
  return (
    <main className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold text-stone-900">This area is for staff</h1>
      <p className="mt-2 text-stone-700">
        You are signed in as {session.user?.email ?? 'a customer'}, which is not a staff account. Sign in with a staff account to use
        the dashboard.
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <Button variant="secondary" onClick={() => void session.signOut()}>
          Sign out
        </Button>
        <a className="inline-flex min-h-11 items-center rounded-lg bg-orange-700 px-4 font-medium text-white hover:bg-orange-800" href="/">
          Go to the menu
        </a>
      </div>
    </main>
  );
}
