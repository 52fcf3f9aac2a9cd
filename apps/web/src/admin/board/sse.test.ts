import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe(SseParser.name, () => {
  it('parses events split across chunks anywhere', () => {
    const sut = new SseParser();
    const text = 'retry: 3000\n\nid: e:1\nevent: status\ndata: {"a":1}\n\n: heartbeat\n\nid: e:2\nevent: ready\ndata: {}\n\n';
    const out = [];
    for (let i = 0; i < text.length; i += 7) out.push(...sut.push(text.slice(i, i + 7)));
    expect(out).toEqual([
      { id: 'e:1', event: 'status', data: '{"a":1}' },
      { id: 'e:2', event: 'ready', data: '{}' },
    ]);
    expect(sut.lastEventId).toBe('e:2');
  });

  it('joins multi-line data and accepts CRLF', () => {
    const sut = new SseParser();
    expect(sut.push('data: one\r\ndata: two\r\n\r\n')).toEqual([{ id: undefined, event: 'message', data: 'one\ntwo' }]);
  });

  it('waits for the rest of a CRLF split between chunks', () => {
    const sut = new SseParser();
    expect(sut.push('data: x\r')).toEqual([]);
    expect(sut.push('\n\r\n')).toEqual([{ id: undefined, event: 'message', data: 'x' }]);
  });
});
