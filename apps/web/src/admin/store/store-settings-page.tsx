import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage, fieldErrors } from '../../shared/api/errors';
import { formatTime } from '../../shared/format/datetime';
import { adminApi, type StoreSettings } from '../api/admin-client';
import { adminKeys, useAdminStore } from '../api/hooks';
import { Button, ErrorState, Field, FormError, Loading, TextAreaField } from '../ui';
import { describeDay, parseCapacity, validateHours, WEEKDAYS, type Hours, type Weekday } from './hours';

const DAY_NAMES: Record<Weekday, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export function StoreSettingsPage() {
  const store = useAdminStore();
  if (store.isPending) return <Loading label="Loading the store settings…" />;
  if (store.isError) return <ErrorState error={store.error} title="The store settings could not be loaded." onRetry={() => void store.refetch()} />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Store settings</h1>
      <PausePanel store={store.data} />
      <SettingsForm store={store.data} />
    </div>
  );
}

function PausePanel({ store }: { store: StoreSettings }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const paused = Boolean(store.pausedUntil && new Date(store.pausedUntil).getTime() > Date.now());
  const pause = useMutation({
    mutationFn: async (minutes: number) => {
      const res = await adminApi.POST('/api/admin/store/pause', { body: { minutes, reason: 'Kitchen is busy' } });
      if (res.error || !res.data) throw res.error ?? new Error('The store was not paused.');
      return res.data;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(adminKeys.store, data);
      setMessage(data.pausedUntil ? `Paused: no new orders until ${formatTime(data.pausedUntil, data.timeZone)}.` : 'Paused.');
    },
    onError: (e) => setMessage(`Could not pause: ${errorMessage(e)}`),
  });
  const resume = useMutation({
    mutationFn: async () => {
      const res = await adminApi.DELETE('/api/admin/store/pause', {});
      if (res.error) throw res.error;
      return res.data;
    },
    onSuccess: async (data) => {
      if (data) queryClient.setQueryData(adminKeys.store, data);
      else await queryClient.invalidateQueries({ queryKey: adminKeys.store });
      setMessage('Taking orders again.');
    },
    onError: (e) => setMessage(`Could not resume: ${errorMessage(e)}`),
  });

  return (
    <section aria-labelledby="pause-h" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="pause-h" className="text-lg font-semibold">Busy pause</h2>
      <p className="mt-1 text-stone-700">
        {paused
          ? `Not taking orders until ${formatTime(store.pausedUntil!, store.timeZone)}; it resumes by itself.`
          : 'Taking orders. When the kitchen is swamped, pause new orders for 20 minutes.'}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => pause.mutate(20)} disabled={pause.isPending}>
          {paused ? 'Pause 20 more minutes' : 'Pause orders for 20 minutes'}
        </Button>
        {paused && (
          <Button variant="secondary" onClick={() => resume.mutate()} disabled={resume.isPending}>
            Take orders again now
          </Button>
        )}
      </div>
      <div aria-live="polite">{message && <p className="mt-2 text-sm">{message}</p>}</div>
    </section>
  );
}

function SettingsForm({ store }: { store: StoreSettings }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(store.name);
  const [description, setDescription] = useState(store.description);
  const [timeZone, setTimeZone] = useState(store.timeZone);
  const [capacity, setCapacity] = useState(store.kitchenCapacity === null ? '' : String(store.kitchenCapacity));
  const [hours, setHours] = useState<Hours>(() => structuredClone(store.openingHours) as Hours);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => setSaved(null), [name, description, timeZone, capacity, hours]);

  const save = useMutation({
    mutationFn: async (body: { name: string; description: string; timeZone: string; openingHours: Hours; kitchenCapacity: number | null }) => {
      const res = await adminApi.PUT('/api/admin/store', { body });
      if (res.error || !res.data) throw res.error ?? new Error('The settings were not saved.');
      return res.data;
    },
    onSuccess: (data) => {
      queryClient.setQueryData(adminKeys.store, data);
      setSaved('Saved. Customers see the new settings now.');
    },
    onError: (e) => setErrors(fieldErrors(e, ['name', 'description', 'timeZone', 'kitchenCapacity', 'openingHours'])),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = { ...validateHours(hours) };
    if (!name.trim()) found.name = 'Enter the store name customers see.';
    const cap = parseCapacity(capacity);
    if ('error' in cap) found.kitchenCapacity = cap.error;
    if (!timeZone.trim()) found.timeZone = 'Enter an IANA time zone such as Europe/Berlin.';
    else {
      try {
        new Intl.DateTimeFormat('en', { timeZone: timeZone.trim() });
      } catch {
        found.timeZone = `“${timeZone}” is not a time zone. Use one such as Europe/Berlin or America/New_York.`;
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || 'error' in cap) return;
    save.mutate({ name: name.trim(), description: description.trim(), timeZone: timeZone.trim(), openingHours: hours, kitchenCapacity: cap.value });
  }

  const setInterval = (day: Weekday, index: number, field: 'open' | 'close', value: string) =>
    setHours((h) => ({ ...h, [day]: h[day].map((iv, i) => (i === index ? { ...iv, [field]: value } : iv)) }));

  const formErrorCount = Object.keys(errors).length;
  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <section aria-labelledby="about-h" className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="about-h" className="text-lg font-semibold">About the store</h2>
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextAreaField label="Description" value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
        <div className="grid gap-3 md:grid-cols-2">
          <Field label="Time zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} error={errors.timeZone} hint="The opening hours are in this zone." />
          <Field
            label="Kitchen capacity (orders at once)"
            inputMode="numeric"
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            error={errors.kitchenCapacity}
            hint="Blank: no limit. Used for the ready-time estimate."
          />
        </div>
      </section>

      <section aria-labelledby="hours-h" className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
        <h2 id="hours-h" className="text-lg font-semibold">Opening hours</h2>
        <p className="text-sm text-stone-700">24-hour times. A closing time at or before the opening time runs into the next day; 24:00 is midnight.</p>
        {errors.openingHours && <p className="text-sm font-medium text-red-700">{errors.openingHours}</p>}
        <ul className="space-y-3">
          {WEEKDAYS.map((day) => (
            <li key={day} className="rounded-lg border border-stone-200 p-3">
              <fieldset>
                <legend className="font-semibold">
                  {DAY_NAMES[day]} <span className="font-normal text-stone-600">· {describeDay(hours[day])}</span>
                </legend>
                {errors[`${day}.overnight`] && <p className="text-sm font-medium text-red-700">{errors[`${day}.overnight`]}</p>}
                <div className="mt-2 space-y-2">
                  {hours[day].map((iv, i) => (
                    <div key={i} className="flex flex-wrap items-start gap-2">
                      <Field
                        className="w-36"
                        label={`${DAY_NAMES[day]} opens`}
                        value={iv.open}
                        placeholder="HH:MM"
                        onChange={(e) => setInterval(day, i, 'open', e.target.value)}
                        error={errors[`${day}.${i}.open`]}
                      />
                      <Field
                        className="w-36"
                        label={`${DAY_NAMES[day]} closes`}
                        value={iv.close}
                        placeholder="HH:MM"
                        onChange={(e) => setInterval(day, i, 'close', e.target.value)}
                        error={errors[`${day}.${i}.close`]}
                      />
                      <Button
                        variant="ghost"
                        size="icon"
                        className="mt-6"
                        aria-label={`Remove ${DAY_NAMES[day]} hours ${iv.open} to ${iv.close}`}
                        onClick={() => setHours((h) => ({ ...h, [day]: h[day].filter((_, k) => k !== i) }))}
                      >
                        <Trash2 aria-hidden="true" className="h-5 w-5" />
                      </Button>
                    </div>
                  ))}
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => setHours((h) => ({ ...h, [day]: [...h[day], { open: '11:00', close: '22:00' }] }))}
                  >
                    <Plus aria-hidden="true" className="h-4 w-4" /> Add hours<span className="sr-only"> on {DAY_NAMES[day]}</span>
                  </Button>
                </div>
              </fieldset>
            </li>
          ))}
        </ul>
      </section>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-stone-200 bg-stone-100 py-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </Button>
        <div aria-live="polite" className="text-sm">
          {saved}
        </div>
        <FormError>
          {save.error && formErrorCount === 0 ? errorMessage(save.error, 'The settings could not be saved.') : formErrorCount > 0 ? 'Some fields need fixing before saving.' : null}
        </FormError>
      </div>
    </form>
  );
}
