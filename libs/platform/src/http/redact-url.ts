/** Query parameters whose values are credentials: never written to a log. */
const SECRET_PARAMETERS = /^(access_token|token|ticket|refresh_token|refreshtoken|code|signature|sig|key|api_key|apikey|password|secret)$/i;

/**
 * The URL with every credential-like query value replaced by `[redacted]` (an EventSource sends
 * its access token in the URL; logs of the URL must not hold it). Everything else is kept as sent.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // a name that does not decode is matched as sent
      }
      return equals >= 0 && SECRET_PARAMETERS.test(name) ? `${rawName}=[redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, queryAt)}?${query}`;
}
