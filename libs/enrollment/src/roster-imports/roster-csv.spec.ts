import { checkRoster, UnreadableRoster } from './roster-csv';

const options = { maxRows: 3, schoolRequired: true };

describe('checkRoster', () => {
  it('reads headers whatever their case, spaces or punctuation, skips a BOM and blank lines, and counts rows from the header', () => {
    const text = '\uFEFFFirst Name,LAST-NAME,birthDate,School,Grade,Guardian name,guardian_email,Language\r\n\r\nAna,Díaz,2012-03-04,Lincoln,K,Rosa Díaz,rosa@example.org,Español\r\n';
    const { rows, good, problems } = checkRoster(text, options);
    expect(problems).toEqual([]);
    expect(rows).toBe(1);
    expect(good).toEqual([
      { row: 3, firstName: 'Ana', lastName: 'Díaz', birthDate: '2012-03-04', school: 'Lincoln', grade: 0, guardianName: 'Rosa Díaz', guardianEmail: 'rosa@example.org', guardianLanguage: 'es' },
    ]);
  });

  it('trims cells, leaves optional ones empty, and writes in English when no language is given', () => {
    const { good } = checkRoster('first_name,last_name,birth_date,guardian_name,guardian_email\n  Ben , Ode ,2011-01-02,Ann Ode,ann@example.org\n', { ...options, schoolRequired: false });
    expect(good[0]).toMatchObject({ firstName: 'Ben', lastName: 'Ode', school: null, grade: null, guardianLanguage: 'en' });
  });

  it('names one problem per cell, by the column as the file names it', () => {
    const { problems } = checkRoster('first_name,last_name,birth_date,school,grade,guardian_name,guardian_email\nAna,Diaz,2012-13-01,X,seventh,Rosa,rosa@example.org\n', options);
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'birth_date', 'isBirthDate'],
      [2, 'grade', 'isInt'],
    ]);
    expect(problems[0].message).toMatch(/^birth_date /);
  });

  it('refuses a file that is not a roster as a whole, and more rows than an import takes', () => {
    expect(() => checkRoster('', options)).toThrow(UnreadableRoster);
    expect(() => checkRoster('name,age\n', options)).toThrow(/"name" is not a roster column/);
    const four = ['first_name,last_name,birth_date,school,guardian_name,guardian_email', ...Array.from({ length: 4 }, (_, i) => `A${i},B,2012-01-01,S,G,g${i}@example.org`)].join('\n');
    expect(() => checkRoster(four, options)).toThrow(/at most 3/);
  });
});
