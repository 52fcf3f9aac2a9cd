import { childTraceparent, currentTraceContext, newTraceparent, rootTraceContext, runWithTraceContext, traceIdOf } from './trace-context';

const PARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe(childTraceparent.name, () => {
  it('keeps the trace id and flags of a valid parent and makes a new span id', () => {
    const sut = childTraceparent(PARENT);
    expect(traceIdOf(sut)).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(sut.endsWith('-01')).toBe(true);
    expect(sut.split('-')[2]).not.toBe('b7ad6b7169203331');
  });

  it.each([undefined, '', 'garbage', '00-00000000000000000000000000000000-b7ad6b7169203331-01', '01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331'])(
    'starts a new trace when the parent is %p',
    (parent) => {
      const sut = childTraceparent(parent);
      expect(sut).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(traceIdOf(sut)).not.toBe('0af7651916cd43dd8448eb211c80319c');
    },
  );

  it('scopes a context to the work run inside it', async () => {
    const context = { ...rootTraceContext(), traceparent: newTraceparent() };
    const seen = await runWithTraceContext(context, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return currentTraceContext();
    });
    expect(seen).toEqual(context);
    expect(currentTraceContext()).toBeUndefined();
  });
});
