import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api/client';
import { errorMessage, unwrap } from '../../shared/api/errors';
import { useStoreInfo } from '../../shared/store';
import { adminApi, type Product } from '../api/admin-client';
import { adminKeys } from '../api/hooks';
import { Button, Dialog, ErrorState, Field, FormError, Loading, TextAreaField } from '../ui';
import { useCategories } from './catalog-queries';
import { OnSaleSwitch } from './catalog-page';
import { bodyOf, draftOf, validateDraft, type GroupDraft, type ProductDraft } from './product-form';

export function ProductEditorPage() {
  const { id } = useParams();
  const product = useQuery({
    queryKey: ['admin', 'product', id],
    enabled: Boolean(id),
    queryFn: async () => unwrap(await api.GET('/api/products/{id}', { params: { path: { id: id! } } })) as Product,
  });
  const store = useStoreInfo();
  const currency = product.data?.price.currency ?? store.data?.currency ?? 'USD';
  if (id && product.isPending) return <Loading label="Loading the product…" />;
  if (id && product.isError) return <ErrorState error={product.error} title="This product could not be loaded." onRetry={() => void product.refetch()} />;
  return <ProductEditor key={id ?? 'new'} product={product.data ?? null} currency={currency} />;
}

function ProductEditor({ product, currency }: { product: Product | null; currency: string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [draft, setDraft] = useState<ProductDraft>(() => draftOf(product, currency));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [archiveOpen, setArchiveOpen] = useState(false);

  useEffect(() => {
    if (!draft.categoryId && categories.data?.[0]) setDraft((d) => ({ ...d, categoryId: categories.data[0]!.id }));
  }, [categories.data, draft.categoryId]);

  const save = useMutation({
    mutationFn: async (body: ReturnType<typeof bodyOf>) => {
      if (product) {
        const res = await adminApi.PATCH('/api/admin/products/{id}', { params: { path: { id: product.id } }, body });
        if (res.error || !res.data) throw res.error ?? new Error('Not saved.');
        return res.data;
      }
      const res = await api.POST('/api/admin/products', { body });
      if (res.error || !res.data) throw res.error ?? new Error('Not saved.');
      return res.data;
    },
    onSuccess: async (data) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.products });
      queryClient.setQueryData(['admin', 'product', data.id], data);
      setSaved('Saved.');
      if (!product) navigate(`/admin/catalog/${data.id}`, { replace: true });
    },
    onError: (e) => setErrors({ form: errorMessage(e, 'The product could not be saved.') }),
  });

  const archive = useMutation({
    mutationFn: async () => {
      const res = await adminApi.DELETE('/api/admin/products/{id}', { params: { path: { id: product!.id } } });
      if (res.error) throw res.error;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.products });
      navigate('/admin/catalog');
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const found = validateDraft(draft, currency);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(bodyOf(draft, currency));
  }

  const set = <K extends keyof ProductDraft>(key: K, value: ProductDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setGroup = (gi: number, patch: Partial<GroupDraft>) => setDraft((d) => ({ ...d, groups: d.groups.map((g, i) => (i === gi ? { ...g, ...patch } : g)) }));

  return (
    <div className="space-y-4">
      <p>
        <Link to="/admin/catalog" className="text-orange-800 underline">
          ← Menu
        </Link>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="mr-auto text-2xl font-semibold">{product ? `Edit ${product.name}` : 'New product'}</h1>
        {product && <OnSaleSwitch product={product} />}
      </div>
      <form onSubmit={submit} noValidate className="space-y-4">
        <section aria-labelledby="basics-h" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm md:grid-cols-2">
          <h2 id="basics-h" className="text-lg font-semibold md:col-span-2">Basics</h2>
          <Field label="Name" value={draft.name} onChange={(e) => set('name', e.target.value)} error={errors.name} />
          <div className="space-y-1">
            <label htmlFor="product-category" className="block text-sm font-medium">
              Category
            </label>
            <select
              id="product-category"
              className="block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3"
              value={draft.categoryId}
              onChange={(e) => set('categoryId', e.target.value)}
              aria-invalid={errors.categoryId ? true : undefined}
            >
              {(categories.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {errors.categoryId && <p className="text-sm font-medium text-red-700">{errors.categoryId}</p>}
          </div>
          <TextAreaField className="md:col-span-2" label="Description" value={draft.description} onChange={(e) => set('description', e.target.value)} />
          <Field label={`Price (${currency})`} inputMode="decimal" value={draft.price} onChange={(e) => set('price', e.target.value)} error={errors.price} />
          <Field
            label="Preparation time (minutes)"
            inputMode="numeric"
            value={draft.preparationMinutes}
            onChange={(e) => set('preparationMinutes', e.target.value)}
            error={errors.preparationMinutes}
            hint="Used for the ready-time estimate."
          />
          <Field label="SKU (optional)" value={draft.sku} onChange={(e) => set('sku', e.target.value)} />
          <Field label="Tags (comma separated)" value={draft.tags} onChange={(e) => set('tags', e.target.value)} />
          {!product && (
            <label className="flex items-center gap-2 md:col-span-2">
              <input type="checkbox" className="h-5 w-5" checked={draft.onSale} onChange={(e) => set('onSale', e.target.checked)} />
              Available to order now
            </label>
          )}
        </section>

        <section aria-labelledby="groups-h" className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="groups-h" className="text-lg font-semibold">Choices</h2>
          <p className="text-sm text-stone-700">
            Groups such as Size or Extras. “At least” 0 makes a group optional; “at most” 1 shows it as a single choice.
          </p>
          {draft.groups.map((g, gi) => {
            const key = `groups.${gi}`;
            const groupName = g.name || `Group ${gi + 1}`;
            return (
              <fieldset key={gi} className="space-y-2 rounded-lg border border-stone-200 p-3">
                <legend className="px-1 font-semibold">{groupName}</legend>
                <div className="grid gap-2 sm:grid-cols-[1fr_8rem_8rem_auto]">
                  <Field label="Group name" value={g.name} onChange={(e) => setGroup(gi, { name: e.target.value })} error={errors[`${key}.name`]} />
                  <Field label="At least" inputMode="numeric" value={g.minSelect} onChange={(e) => setGroup(gi, { minSelect: e.target.value })} error={errors[`${key}.minSelect`]} />
                  <Field label="At most" inputMode="numeric" value={g.maxSelect} onChange={(e) => setGroup(gi, { maxSelect: e.target.value })} error={errors[`${key}.maxSelect`]} />
                  <Button
                    variant="ghost"
                    className="self-end"
                    aria-label={`Remove group ${groupName}`}
                    onClick={() => setDraft((d) => ({ ...d, groups: d.groups.filter((_, i) => i !== gi) }))}
                  >
                    <Trash2 aria-hidden="true" className="h-5 w-5" />
                  </Button>
                </div>
                {errors[`${key}.options`] && <p className="text-sm font-medium text-red-700">{errors[`${key}.options`]}</p>}
                <ul className="space-y-2">
                  {g.options.map((o, oi) => (
                    <li key={oi} className="grid gap-2 sm:grid-cols-[1fr_10rem_auto]">
                      <Field
                        label={`${groupName} option ${oi + 1}`}
                        value={o.name}
                        onChange={(e) => setGroup(gi, { options: g.options.map((x, i) => (i === oi ? { ...x, name: e.target.value } : x)) })}
                        error={errors[`${key}.options.${oi}.name`]}
                      />
                      <Field
                        label={`Price change (${currency})`}
                        inputMode="decimal"
                        value={o.price}
                        onChange={(e) => setGroup(gi, { options: g.options.map((x, i) => (i === oi ? { ...x, price: e.target.value } : x)) })}
                        error={errors[`${key}.options.${oi}.price`]}
                      />
                      <Button
                        variant="ghost"
                        className="self-end"
                        aria-label={`Remove option ${o.name || oi + 1} of ${groupName}`}
                        onClick={() => setGroup(gi, { options: g.options.filter((_, i) => i !== oi) })}
                      >
                        <Trash2 aria-hidden="true" className="h-5 w-5" />
                      </Button>
                    </li>
                  ))}
                </ul>
                <Button variant="secondary" size="sm" onClick={() => setGroup(gi, { options: [...g.options, { name: '', price: '0' }] })}>
                  <Plus aria-hidden="true" className="h-4 w-4" /> Add option<span className="sr-only"> to {groupName}</span>
                </Button>
              </fieldset>
            );
          })}
          <Button
            variant="secondary"
            onClick={() => setDraft((d) => ({ ...d, groups: [...d.groups, { name: '', minSelect: '0', maxSelect: '1', options: [{ name: '', price: '0' }] }] }))}
          >
            <Plus aria-hidden="true" className="h-4 w-4" /> Add choice group
          </Button>
        </section>

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : product ? 'Save product' : 'Create product'}
          </Button>
          <div aria-live="polite">{saved}</div>
          <FormError>{errors.form ?? (Object.keys(errors).length > 0 ? 'Some fields need fixing before saving.' : null)}</FormError>
          {product && (
            <Button variant="danger" className="ml-auto" onClick={() => setArchiveOpen(true)}>
              Archive product
            </Button>
          )}
        </div>
      </form>

      {product && <ImagesPanel product={product} />}

      {product && (
        <Dialog open={archiveOpen} onOpenChange={setArchiveOpen} title={`Archive ${product.name}?`} description="It leaves the menu; past orders still show it.">
          <FormError>{archive.error ? errorMessage(archive.error, 'It could not be archived.') : null}</FormError>
          <div className="mt-3 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setArchiveOpen(false)}>
              Keep it
            </Button>
            <Button variant="danger" onClick={() => archive.mutate()} disabled={archive.isPending}>
              Archive
            </Button>
          </div>
        </Dialog>
      )}
    </div>
  );
}

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function ImagesPanel({ product }: { product: Product }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['admin', 'product', product.id] });
    await queryClient.invalidateQueries({ queryKey: adminKeys.products });
  };
  const upload = useMutation({
    mutationFn: async (image: File) => {
      const res = await api.POST('/api/admin/products/{id}/images', {
        params: { path: { id: product.id } },
        body: { image: image as unknown as string },
        bodySerializer: (body) => {
          const form = new FormData();
          form.append('image', (body as unknown as { image: File }).image);
          return form;
        },
      });
      if (res.error || !res.data) throw res.error ?? new Error('Not uploaded.');
      return res.data;
    },
    onSuccess: async () => {
      setFile(null);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: async (imageId: string) => {
      const res = await api.DELETE('/api/admin/products/{id}/images/{imageId}', { params: { path: { id: product.id, imageId } } });
      if (res.error) throw res.error;
    },
    onSuccess: refresh,
  });

  function choose(f: File | undefined) {
    setProblem(null);
    if (!f) return setFile(null);
    if (!['image/jpeg', 'image/png', 'image/webp'].includes(f.type)) return setProblem('Choose a JPEG, PNG or WebP picture.');
    if (f.size > MAX_IMAGE_BYTES) return setProblem('The picture is larger than 5 MB.');
    setFile(f);
  }

  return (
    <section aria-labelledby="images-h" className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="images-h" className="text-lg font-semibold">Pictures</h2>
      {product.images.length === 0 ? (
        <p className="text-sm text-stone-700">No pictures yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {product.images.map((img, i) => (
            <li key={img.id} className="space-y-1">
              <img src={img.thumbUrl} alt={`${product.name}, picture ${i + 1}`} className="h-28 w-28 rounded-lg object-cover" />
              <div className="flex gap-2 text-sm">
                <a href={img.largeUrl} target="_blank" rel="noreferrer" className="underline">
                  Large<span className="sr-only"> rendition of picture {i + 1}</span>
                </a>
                <button type="button" className="text-red-800 underline" onClick={() => remove.mutate(img.id)}>
                  Remove<span className="sr-only"> picture {i + 1}</span>
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="space-y-2">
        <label htmlFor="image-file" className="block text-sm font-medium">
          Add a picture (JPEG, PNG or WebP, up to 5 MB)
        </label>
        <input id="image-file" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => choose(e.target.files?.[0])} />
        {preview && <img src={preview} alt="Preview of the picture to upload" className="h-40 rounded-lg object-cover" />}
        <FormError>{problem ?? (upload.error ? errorMessage(upload.error, 'The picture could not be uploaded.') : remove.error ? errorMessage(remove.error) : null)}</FormError>
        {file && (
          <Button onClick={() => upload.mutate(file)} disabled={upload.isPending}>
            {upload.isPending ? 'Uploading…' : 'Upload picture'}
          </Button>
        )}
      </div>
    </section>
  );
}
