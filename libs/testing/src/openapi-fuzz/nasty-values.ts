import fc from 'fast-check';

/**
 * Text that has broken services before, or that an attacker tries first: NUL and lone UTF-16
 * surrogates (Postgres cannot store them), operator characters (full-text query syntax), SQL and
 * path tricks, huge and invisible strings. No SQL keywords such as SELECT ... FROM: an error body
 * that echoes the input would look like leaked SQL.
 */
export const NASTY_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  "' OR 1=1 --",
  "'; --",
  '"',
  '\\',
  '%',
  '_%_',
  '&|!():*<->',
  '!!!!&&&&||||((((',
  '<->'.repeat(200),
  ':*:*:*',
  '-',
  '""""',
  '../../etc/passwd',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  '\u202e\ufeff\u200b',
  ' \t\n\r ',
  '',
  'null',
  '-1',
  'NaN',
  '1e999',
  '😀'.repeat(50),
  'a'.repeat(10_000),
  'é'.repeat(300_000),
];

export const NASTY_NUMBERS: readonly number[] = [-1, 0, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE, 1e308, 1e-320, 0.1];

/** Raw request bodies that are not the JSON of any schema: broken JSON, deep nesting, other formats. */
export const NASTY_BODIES: readonly string[] = [
  '',
  '{',
  '{"a":',
  '[]',
  'null',
  '"text"',
  '42',
  '{"a":1,"a":2}',
  '{"__proto__":{"role":"admin"}}',
  '{"constructor":{"prototype":{"admin":true}}}',
  '\u0000',
  '{"x":"\\ud800"}',
  '{"x":"\\u0000"}',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
  '{"a":' + '['.repeat(40) + ']'.repeat(40) + '}',
  'a=1&b=2',
  '<?xml version="1.0"?><a>1</a>',
  `{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`,
];

/**
 * Pagination cursors a client made by hand: base64url JSON that looks like the services' own
 * (a sort name, keys, an instant, an id) with values of the wrong type or range for their
 * columns, plus non-base64 and non-JSON text.
 */
export function handMadeCursor(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom('newest', 'price', '-price', 'rating', 'relevance', 'highest', 'lowest', 'helpful'),
    fc.constantFrom(
      '2026-11-25T12:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
      '2026-02-31T00:00:00.000Z',
      '+275760-09-13T00:00:00.000Z',
      '2026-11-25T12:00:00+14:00',
      'yesterday',
      '2026-11-25',
    ),
    fc.constantFrom(...NASTY_NUMBERS, 1e20, -0.5),
    fc.constantFrom('12.50', '1e5', '-', '9'.repeat(40), '0x1F'),
    fc.uuid({ version: 4 }),
    fc.constantFrom(...NASTY_STRINGS.slice(0, 12)),
    fc.constant(null),
  );
  const json = fc.oneof(fc.array(fc.oneof(piece, fc.array(piece, { maxLength: 3 })), { maxLength: 5 }), fc.dictionary(fc.constantFrom('id', 'createdAt', 'at', 'rank'), piece));
  return fc.oneof(
    { weight: 4, arbitrary: json.map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')) },
    { weight: 1, arbitrary: fc.constantFrom('!!!', '', '=', 'eyJ', 'W10', Buffer.from('[1,2').toString('base64url'), 'A'.repeat(5000)) },
  );
}

/**
 * A query-string component for any JavaScript string: encodeURIComponent, except that a lone
 * surrogate (which encodeURIComponent refuses) is written as the bytes a WTF-8 client would send.
 */
export function encodeQueryComponent(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    let out = '';
    for (const char of value) {
      const code = char.codePointAt(0)!;
      if (code >= 0xd800 && code <= 0xdfff) {
        out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
      } else out += encodeURIComponent(char);
    }
    return out;
  }
}

/** Percent-encoded path segments and query values that no string encodes to: bad escapes, NUL, invalid UTF-8. */
export const RAW_URL_COMPONENTS: readonly string[] = ['%00', '%ED%A0%80', '%FF', '%C0%AF', '%', '%%', '%zz', '%2e%2e', '..', '.', '%2F', 'a%2Fb', '%5C', '%0d%0a'];

/** Header values fetch can send (Latin-1, no CR/LF/NUL) that are unusual for any header. */
export const NASTY_HEADER_VALUES: readonly string[] = ['', ' ', 'x'.repeat(8000), '"', "'; --", 'null', '\u00ff\u00e9', '../../', 'a,b', '=?utf-8?b?AA==?='];
