import { passwordProblems } from './password-policy';

describe(passwordProblems.name, () => {
  it.each<[string, string, Parameters<typeof passwordProblems>[2], string[]]>([
    ['accepts exactly 10 characters', 'abcdefghij', {}, []],
    ['refuses 9 characters', 'abcdefghi', {}, ['password must be at least 10 characters long']],
    ['counts characters, not bytes', 'ééééééééé', {}, ['password must be at least 10 characters long']],
    ['accepts 10 emoji', '🍕'.repeat(10), {}, []],
    ['accepts 256 characters', 'x'.repeat(256), {}, []],
    ['refuses 257 characters', 'x'.repeat(257), {}, ['password must be at most 256 characters long']],
    ['refuses only spaces', ' '.repeat(12), {}, ['password must not be blank']],
    ['refuses the email itself', 'Alice@Example.com', { email: 'alice@example.com' }, ['password must not be the email address']],
    ['refuses the current password', 'correct horse', { current: 'correct horse' }, ['password must differ from the current password']],
    ['accepts a new password', 'correct horse battery', { current: 'correct horse', email: 'a@b.c' }, []],
  ])('%s', (_case, password, context, expected) => {
    expect(passwordProblems('password', password, context)).toEqual(expected);
  });

  it('names the field it checks', () => {
    expect(passwordProblems('newPassword', 'short')).toEqual(['newPassword must be at least 10 characters long']);
  });
});
