import { plainToInstance } from 'class-transformer';
import { IsInt, IsString, IsUUID, validate } from 'class-validator';
import { IsIsoInstant, IsVersion, Nullable, Optional, PartialDto } from './dto-decorators';
import { PAYLOAD_VALIDATOR_OPTIONS } from './validate-payload';
import { flattenValidationErrors } from './validation';

class Thing {
  @IsString() title!: string;
  @Optional() @IsInt() year?: number;
  @Nullable() @IsUUID() frameId?: string | null;
  @IsIsoInstant() dueAt!: string;
}
class ThingEdit extends PartialDto(Thing) {
  @IsVersion() version!: number;
}

const problems = async (type: new () => object, plain: object) =>
  flattenValidationErrors(await validate(plainToInstance(type, plain), PAYLOAD_VALIDATOR_OPTIONS));
const fields = async (type: new () => object, plain: object) =>
  (await problems(type, plain)).map((p) => p.field).sort();

describe('Optional, Nullable and PartialDto', () => {
  const valid = { title: 'T', dueAt: '2027-01-01T12:00:00Z' };

  it('lets an Optional field be left out but refuses null, naming it', async () => {
    expect(await fields(Thing, valid)).toEqual([]);
    const found = await problems(Thing, { ...valid, year: null });
    expect(found).toEqual([
      expect.objectContaining({
        field: 'year',
        pointer: '/year',
        messages: expect.arrayContaining(['year may be left out but must not be null']),
      }),
    ]);
  });

  it('lets a Nullable field be null', async () => {
    expect(await fields(Thing, { ...valid, frameId: null })).toEqual([]);
    expect(await fields(Thing, { ...valid, frameId: 'nope' })).toEqual(['frameId']);
  });

  it('makes every field of a PartialDto optional, refuses null for each but the Nullable ones', async () => {
    expect(await fields(ThingEdit, { version: 1 })).toEqual([]);
    expect(await fields(ThingEdit, { version: 1, frameId: null })).toEqual([]);
    expect(await fields(ThingEdit, { version: 1, title: null, year: null, dueAt: null })).toEqual([
      'dueAt',
      'title',
      'year',
    ]);
    expect(await fields(ThingEdit, { version: 1, title: 5 })).toEqual(['title']);
    expect(await fields(ThingEdit, { version: 1, unknown: 1 })).toEqual(['unknown']);
  });

  it('requires a version that is a positive safe integer', async () => {
    expect(await fields(ThingEdit, {})).toEqual(['version']);
    for (const version of [0, -1, 1.5, '1', null, 2 ** 53]) {
      expect(await fields(ThingEdit, { version })).toEqual(['version']);
    }
  });

  it('refuses an impossible instant with a message saying what is wanted', async () => {
    const [found] = await problems(Thing, { title: 'T', dueAt: '2027-02-30T12:00:00+01:00' });
    expect(found.field).toBe('dueAt');
    expect(found.messages[0]).toMatch(/real date-time with an offset/);
  });
});
