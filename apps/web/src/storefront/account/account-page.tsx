import { Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldErrors } from '../../shared/api/errors';
import { useSession } from '../../shared/session/session';
import { Button, Empty, ErrorState, FormError, Loading } from '../../shared/ui';
import { AddressFields, EMPTY_ADDRESS, addressProblems, draftToAddress, type AddressDraft } from './address-fields';
import { addressText, useAddresses, useCreateAddress, useDeleteAddress } from './addresses';
import { RegisterForm, SignInForm } from './auth-forms';

/** `/account`: sign in or register; when signed in, who you are, your addresses, sign out. */
export function AccountPage() {
  const session = useSession();
  if (session.status === 'restoring') return <Loading />;
  if (!session.user) return <SignedOut />;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">Your account</h1>
      <section aria-labelledby="me-heading" className="space-y-2 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="me-heading" className="text-lg font-semibold">
          {session.isGuest ? 'Guest' : session.user.name}
        </h2>
        {!session.isGuest && <p className="text-stone-700">{session.user.email}</p>}
        <div className="flex flex-wrap gap-2">
          <Link to="/orders" className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 font-medium hover:bg-stone-100">
            Your orders
          </Link>
          <Button variant="secondary" onClick={() => void session.signOut()}>
            Sign out
          </Button>
        </div>
      </section>
      {session.isGuest ? (
        <section aria-labelledby="upgrade-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
          <h2 id="upgrade-heading" className="text-lg font-semibold">
            Keep your details
          </h2>
          <p className="text-stone-700">Turn this guest visit into an account: your orders stay with you.</p>
          <RegisterForm upgrade />
        </section>
      ) : (
        <Addresses />
      )}
    </div>
  );
}

function SignedOut() {
  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-2">
      <section aria-labelledby="signin-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <h1 id="signin-heading" className="text-2xl font-bold">
          Sign in
        </h1>
        <SignInForm />
      </section>
      <section aria-labelledby="register-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="register-heading" className="text-2xl font-bold">
          Create an account
        </h2>
        <RegisterForm />
      </section>
    </div>
  );
}

function Addresses() {
  const addresses = useAddresses(true);
  const create = useCreateAddress();
  const remove = useDeleteAddress();
  const [draft, setDraft] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [tried, setTried] = useState(false);
  const local = tried ? addressProblems(draft) : {};
  const server = fieldErrors(create.error, ['line1', 'line2', 'city', 'postalCode', 'country']);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(addressProblems(draft)).length) return;
    create.mutate(draftToAddress(draft), {
      onSuccess: () => {
        setDraft(EMPTY_ADDRESS);
        setTried(false);
      },
    });
  };

  return (
    <section aria-labelledby="addresses-heading" className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="addresses-heading" className="text-lg font-semibold">
        Delivery addresses
      </h2>
      {addresses.isPending ? (
        <Loading label="Loading addresses…" />
      ) : addresses.isError ? (
        <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />
      ) : addresses.data.length === 0 ? (
        <Empty title="No saved addresses yet." />
      ) : (
        <ul className="space-y-2">
          {addresses.data.map((a) => (
            <li key={a.id} className="flex items-start justify-between gap-2 rounded-lg border border-stone-200 p-3">
              <span>
                {a.label && <span className="font-medium">{a.label}: </span>}
                {addressText(a)}
              </span>
              <Button variant="ghost" size="sm" aria-label={`Delete address ${addressText(a)}`} disabled={remove.isPending} onClick={() => remove.mutate(a.id)}>
                <Trash2 aria-hidden="true" className="h-4 w-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <FormError>{remove.isError ? errorMessage(remove.error) : null}</FormError>
      <form onSubmit={submit} className="space-y-3" aria-labelledby="new-address-heading" noValidate>
        <h3 id="new-address-heading" className="font-semibold">
          Add an address
        </h3>
        <AddressFields value={draft} onChange={setDraft} errors={{ ...server, ...local }} />
        <FormError>{create.isError && Object.keys(server).length === 0 ? errorMessage(create.error) : null}</FormError>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save address'}
        </Button>
      </form>
    </section>
  );
}
