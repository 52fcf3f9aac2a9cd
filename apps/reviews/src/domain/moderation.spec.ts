import { abusiveWordsIn, isVisible, ModerationOutcome, ReviewStatus, statusAfterModeration, statusAfterWrite } from './moderation';

describe(statusAfterWrite.name, () => {
  const clean = { title: 'Lovely', body: 'Crisp base, fresh basil.' };
  const abusive = { title: null, body: 'The waiter was a total bitch and the pizza was shit.' };
  const held: ModerationOutcome = { status: 'held', reason: 'abusive language: shit' };
  const hidden: ModerationOutcome = { status: 'hidden', reason: 'hidden by a moderator' };

  it.each<[string, ModerationOutcome | undefined, { title: string | null; body: string }, ReviewStatus]>([
    ['a new clean review', undefined, clean, 'published'],
    ['a new abusive review', undefined, abusive, 'held'],
    ['a held review rewritten clean', held, clean, 'published'],
    ['a published review rewritten abusively', { status: 'published', reason: null }, abusive, 'held'],
    ['a hidden review rewritten clean (the moderator decided)', hidden, clean, 'hidden'],
  ])('gives %s the status %s', (_case, previous, text, status) => {
    expect(statusAfterWrite(previous, text).status).toBe(status);
  });

  it('names the abusive words in the reason, also in the title and in disguise', () => {
    expect(statusAfterWrite(undefined, { title: 'sh1t', body: 'fine otherwise' })).toEqual({ status: 'held', reason: 'abusive language: shit' });
  });
});

describe(abusiveWordsIn.name, () => {
  it.each(['Scunthorpe sausages were great', 'The assassin-themed cocktail was fun', 'Best basil in town'])('finds nothing in %p', (text) => {
    expect(abusiveWordsIn(text)).toEqual([]);
  });

  it('lists each word once', () => {
    expect(abusiveWordsIn('shit, shit, fuck')).toEqual(['shit', 'fuck']);
  });
});

describe(statusAfterModeration.name, () => {
  it.each<['hide' | 'restore', ReviewStatus]>([
    ['hide', 'hidden'],
    ['restore', 'published'],
  ])('%s gives %s', (action, status) => {
    expect(statusAfterModeration(action).status).toBe(status);
  });
});

describe(isVisible.name, () => {
  it.each<[ReviewStatus, boolean]>([
    ['published', true],
    ['held', false],
    ['hidden', false],
  ])('%s visible: %s', (status, visible) => {
    expect(isVisible(status)).toBe(visible);
  });
});
