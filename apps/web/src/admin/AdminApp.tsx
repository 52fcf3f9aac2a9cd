/** Placeholder for the staff dashboard; the dashboard engineer replaces this file. */
export default function AdminApp() {
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Staff dashboard</h1>
      <p className="mt-2 text-stone-700">Coming soon.</p>
    </main>
  );
}
