import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { OptionalDateParam } from './date-param.js';
import { OptionalListParam } from './list-param.js';

class Query {
  @OptionalDateParam() startedBefore?: Date;
  @OptionalListParam() idIn?: string[];
}

async function parse(plain: Record<string, unknown>): Promise<{ query: Query; errors: string[] }> {
  const query = plainToInstance(Query, plain);
  const errors = (await validate(query)).flatMap((e) => Object.values(e.constraints ?? {}));
  return { query, errors };
}

describe('OptionalDateParam', () => {
  it("reads Camunda's date format, offset without colon", async () => {
    const { query, errors } = await parse({ startedBefore: '2026-11-22T12:00:00.000+0200' });
    expect(errors).toEqual([]);
    expect(query.startedBefore?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('reads an unencoded + that arrived as a space', async () => {
    const { query } = await parse({ startedBefore: '2026-11-22T10:00:00.000 0000' });
    expect(query.startedBefore?.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('refuses text that names no instant', async () => {
    for (const text of ['yesterday', '2026-13-01T00:00:00.000+0000', '2026-11-22T10:00:00', '']) {
      const { errors } = await parse({ startedBefore: text });
      expect(errors).toEqual([
        expect.stringContaining("Cannot set query parameter 'startedBefore'"),
      ]);
    }
  });

  it('leaves an absent date alone', async () => {
    expect((await parse({})).errors).toEqual([]);
  });
});

describe('OptionalListParam', () => {
  it('splits a comma-separated query parameter', async () => {
    expect((await parse({ idIn: 'a,b,,c' })).query.idIn).toEqual(['a', 'b', 'c']);
  });

  it('takes a JSON array as it is and refuses non-strings in it', async () => {
    expect((await parse({ idIn: ['a', 'b'] })).query.idIn).toEqual(['a', 'b']);
    expect((await parse({ idIn: ['a', 1] })).errors).toEqual([
      expect.stringContaining('strings only'),
    ]);
  });
});
