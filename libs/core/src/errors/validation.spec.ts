import { ValidationError } from '@nestjs/common';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsString, IsUUID, Min, ValidateNested, validate } from 'class-validator';
import { ValidationFailedError } from './problem';
import { assertValid, flattenValidationErrors } from './validation';

class GuardianDto {
  @IsString()
  name: string;
}

class TeenDto {
  @IsString()
  firstName: string;

  @ValidateNested() @Type(() => GuardianDto)
  guardian: GuardianDto;
}

class RecordDto {
  @IsUUID()
  participantId: string;

  @IsIn(['present', 'late', 'absent', 'excused'])
  status: string;
}

class RollCallDto {
  @ValidateNested({ each: true }) @Type(() => RecordDto)
  records: RecordDto[];
}

class SeatsDto {
  @IsInt() @Min(1)
  seats: number;
}

const PARTICIPANT = '5b0c7f0e-3d51-4d1e-9a8e-2f8f8c1a0b11';

// The pipe's own options: unknown fields are errors, not silently dropped.
async function errorsOf<T extends object>(dto: new () => T, plain: object): Promise<ValidationError[]> {
  return validate(plainToInstance(dto, plain), { whitelist: true, forbidNonWhitelisted: true });
}

describe(flattenValidationErrors.name, () => {
  it('names a top-level field by its property', async () => {
    const fields = flattenValidationErrors(await errorsOf(SeatsDto, { seats: 0 }));

    expect(fields).toEqual([{ field: 'seats', code: 'min', message: 'seats must not be less than 1' }]);
  });

  it('gives one entry per broken rule of the same field', async () => {
    const fields = flattenValidationErrors(await errorsOf(SeatsDto, { seats: 'many' }));

    expect(fields.map((f) => f.field)).toEqual(['seats', 'seats']);
    expect(fields.map((f) => f.code)).toEqual(expect.arrayContaining(['isInt', 'min']));
    expect(fields.map((f) => f.message)).toEqual(expect.arrayContaining(['seats must be an integer number', 'seats must not be less than 1']));
  });

  it('joins nested objects with dots', async () => {
    const fields = flattenValidationErrors(await errorsOf(TeenDto, { firstName: 'Ada', guardian: { name: 7 } }));

    expect(fields).toEqual([{ field: 'guardian.name', code: 'isString', message: 'name must be a string' }]);
  });

  it('puts array indexes in brackets', async () => {
    const records = [
      { participantId: PARTICIPANT, status: 'present' },
      { participantId: PARTICIPANT, status: 'late' },
      { participantId: PARTICIPANT, status: 'asleep' },
    ];

    const fields = flattenValidationErrors(await errorsOf(RollCallDto, { records }));

    expect(fields).toEqual([{ field: 'records[2].status', code: 'isIn', message: expect.stringContaining('status must be one of the following values') }]);
  });

  it('says plainly that an unknown top-level field is not accepted', async () => {
    const fields = flattenValidationErrors(await errorsOf(SeatsDto, { seats: 3, role: 'admin' }));

    expect(fields).toEqual([{ field: 'role', code: 'whitelistValidation', message: 'role is not an accepted field' }]);
  });

  it('names an unknown field inside an array item by its full path', async () => {
    const records = [{ participantId: PARTICIPANT, status: 'present', recordedBy: 'me' }];

    const fields = flattenValidationErrors(await errorsOf(RollCallDto, { records }));

    expect(fields).toEqual([{ field: 'records[0].recordedBy', code: 'whitelistValidation', message: 'records[0].recordedBy is not an accepted field' }]);
  });

  it('flattens a hand-built tree depth first, keeping constraint messages that are not about whitelisting', () => {
    const tree: ValidationError[] = [
      {
        property: 'program',
        children: [
          { property: 'title', constraints: { isString: 'title must be a string' }, children: [] },
          {
            property: 'sessions',
            children: [
              {
                property: '0',
                children: [{ property: 'startsAt', constraints: { isDateString: 'startsAt must be a valid ISO 8601 date string' } }],
              },
            ],
          },
        ],
      },
      { property: 'status', constraints: { whitelistValidation: 'property status should not exist' } },
    ];

    expect(flattenValidationErrors(tree)).toEqual([
      { field: 'program.title', code: 'isString', message: 'title must be a string' },
      { field: 'program.sessions[0].startsAt', code: 'isDateString', message: 'startsAt must be a valid ISO 8601 date string' },
      { field: 'status', code: 'whitelistValidation', message: 'status is not an accepted field' },
    ]);
  });

  it('answers no errors with no fields', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

describe(assertValid.name, () => {
  it('returns the typed instance of a valid body', async () => {
    const dto = await assertValid(SeatsDto, { seats: 5 });

    expect(dto).toBeInstanceOf(SeatsDto);
    expect(dto.seats).toBe(5);
  });

  it('rejects an unknown field with a ValidationFailedError naming it', async () => {
    await expect(assertValid(SeatsDto, { seats: 5, role: 'admin' })).rejects.toThrow(ValidationFailedError);
    await expect(assertValid(SeatsDto, { seats: 5, role: 'admin' })).rejects.toMatchObject({
      errors: [{ field: 'role', code: 'whitelistValidation', message: 'role is not an accepted field' }],
    });
  });

  it('treats a body that is not an object as an empty one', async () => {
    await expect(assertValid(SeatsDto, 'seats=5')).rejects.toMatchObject({ errors: [{ field: 'seats' }, { field: 'seats' }] });
  });
});
