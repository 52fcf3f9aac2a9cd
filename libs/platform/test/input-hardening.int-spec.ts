import { Body, Controller, Get, Module, Param, Post, Query, Req } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import { Pool } from 'pg';
import request from 'supertest';
import { adminPool } from '@galley/testing';
import { createHttpApp, loggerParams } from '../src';

class NoteRequest {
  @IsString() @MaxLength(200) text: string;
  @IsOptional() nested?: unknown;
}

class NoteQuery {
  @IsOptional() @IsString() q?: string;
  @IsOptional() @IsString() n?: string;
}

let pool: Pool;

/** Every input goes to Postgres the way a service's repository would send it. */
@Controller('api/notes')
class NotesController {
  @Post()
  async create(@Body() body: NoteRequest, @Req() req: Request & { rawBody?: Buffer }): Promise<{ stored: string; rawBytes: number }> {
    const { rows } = await pool.query<{ stored: string }>('SELECT $1::text AS stored', [body.text]);
    return { stored: rows[0].stored, rawBytes: req.rawBody?.length ?? 0 };
  }

  @Get('search')
  async search(@Query() query: NoteQuery): Promise<{ found: string | null; n: number | null }> {
    // `n` stands for a value that passed a loose check but not its column's type (integer).
    const { rows } = await pool.query<{ found: string | null; n: number | null }>('SELECT $1::text AS found, $2::int AS n', [query.q ?? null, query.n ?? null]);
    return rows[0];
  }

  @Get(':slug')
  async bySlug(@Param('slug') slug: string): Promise<{ slug: string }> {
    const { rows } = await pool.query<{ slug: string }>('SELECT $1::text AS slug', [slug]);
    return rows[0];
  }
}

@Module({ imports: [LoggerModule.forRoot(loggerParams('platform-test', 'silent'))], controllers: [NotesController] })
class NotesModule {}

/** The shared bootstrap's refusals, before any pipe, for input classes that reached Postgres as 500s. */
describe('createHttpApp input hardening', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    pool = adminPool({ max: 2 });
    app = await createHttpApp(NotesModule, { app: 'platform-test', description: 'input hardening under test' });
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
    await pool?.end();
  });

  const http = () => request(app.getHttpServer());
  const post = (raw: string) => http().post('/api/notes').set('content-type', 'application/json').send(raw);

  it('stores ordinary text and keeps the raw bytes', async () => {
    const raw = JSON.stringify({ text: 'pizza \u{1F355}' });
    expect((await post(raw).expect(201)).body).toEqual({ stored: 'pizza \u{1F355}', rawBytes: Buffer.byteLength(raw) });
  });

  it('refuses a 30 KB body nested 15,000 levels deep with a 400, not a stack overflow', async () => {
    const deep = `{"text":"x","nested":${'['.repeat(15_000)}${']'.repeat(15_000)}}`;
    const res = await post(deep).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'The body nests objects and arrays deeper than 32 levels' });
  });

  it('refuses a body over the size limit with a 413', async () => {
    await post(JSON.stringify({ text: 'x'.repeat(300 * 1024) })).expect(413);
  });

  it.each([
    ['a NUL', '"a\\u0000b"'],
    ['a lone high surrogate', '"a\\ud800b"'],
    ['a lone low surrogate', '"\\udc00"'],
  ])('refuses %s in a body field with a 400 naming the field', async (_case, text) => {
    const res = await post(`{"text":${text}}`).expect(400);
    expect(res.body.message).toBe('Body field text must be well-formed Unicode text without NUL characters');
  });

  it('refuses a NUL in a query parameter or a path parameter, and bad percent-encoding in the path', async () => {
    expect((await http().get('/api/notes/search?q=a%00b').expect(400)).body.message).toBe('Query parameter q must be well-formed Unicode text without NUL characters');
    await http().get('/api/notes/a%00b').expect(400);
    await http().get('/api/notes/%ED%A0%80').expect(400);
    expect((await http().get('/api/notes/plain-slug').expect(200)).body).toEqual({ slug: 'plain-slug' });
  });

  it('answers a Postgres data exception (SQLSTATE class 22) with a 400, as a last line', async () => {
    const res = await http().get('/api/notes/search?n=99999999999').expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'A value in the request is out of range or malformed for its field' });
    expect(JSON.stringify(res.body)).not.toMatch(/integer|SELECT|out of range for type/);
    expect((await http().get('/api/notes/search?q=ok&n=7').expect(200)).body).toEqual({ found: 'ok', n: 7 });
  });
});
