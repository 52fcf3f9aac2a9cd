import { useMutation } from '@tanstack/react-query';
import { RadioGroup } from 'radix-ui';
import { useState, type FormEvent } from 'react';
import { api } from '../../shared/api/client';
import { errorMessage, fieldErrors, unwrap } from '../../shared/api/errors';
import { Button, Dialog, Field, FormError, TextAreaField } from '../../shared/ui';

type Props = { productId: string; productName: string; open: boolean; onOpenChange(open: boolean): void; onDone(): void };

export function ReviewDialog({ productId, productName, open, onOpenChange, onDone }: Props) {
  const [rating, setRating] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const post = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/products/{id}/reviews', {
          params: { path: { id: productId } },
          body: { rating, body: body.trim(), ...(title.trim() ? { title: title.trim() } : {}) },
        }),
      ),
    onSuccess: onDone,
  });
  const status = post.error && typeof post.error === 'object' && 'statusCode' in post.error ? Number(post.error.statusCode) : 0;
  const server = fieldErrors(post.error, ['rating', 'title', 'body']);
  const ratingError = tried && rating === 0 ? 'Choose a rating from 1 to 5 stars' : server.rating;
  const bodyError = tried && !body.trim() ? 'Write a few words about it' : server.body;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (rating === 0 || !body.trim()) return;
    post.mutate();
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={`Review ${productName}`}>
      <form onSubmit={submit} className="space-y-4" noValidate>
        <div>
          <p id="rating-label" className="mb-1 text-sm font-medium">
            Rating
          </p>
          <RadioGroup.Root
            aria-labelledby="rating-label"
            aria-describedby={ratingError ? 'rating-error' : undefined}
            value={rating ? String(rating) : ''}
            onValueChange={(v) => setRating(Number(v))}
            className="flex gap-1"
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <RadioGroup.Item
                key={n}
                value={String(n)}
                aria-label={`${n} ${n === 1 ? 'star' : 'stars'}`}
                className={`h-11 w-11 rounded-md text-2xl focus-visible:outline-2 focus-visible:outline-orange-600 ${n <= rating ? 'text-amber-500' : 'text-stone-300'}`}
              >
                <span aria-hidden="true">★</span>
              </RadioGroup.Item>
            ))}
          </RadioGroup.Root>
          {ratingError && (
            <p id="rating-error" className="mt-1 text-sm font-medium text-red-700">
              {ratingError}
            </p>
          )}
        </div>
        <Field label="Title (optional)" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={server.title} />
        <TextAreaField label="Your review" maxLength={5000} value={body} onChange={(e) => setBody(e.target.value)} error={bodyError} />
        <FormError>
          {status === 409
            ? 'You already reviewed this dish.'
            : status === 403
              ? 'Only customers who received this dish can review it.'
              : post.isError && Object.keys(server).length === 0
                ? errorMessage(post.error)
                : null}
        </FormError>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Not now
          </Button>
          <Button type="submit" disabled={post.isPending}>
            {post.isPending ? 'Posting…' : 'Post review'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
