import { SnakeNamingStrategy } from './snake-naming.strategy';

describe(SnakeNamingStrategy.name, () => {
  const naming = new SnakeNamingStrategy();

  describe('tableName', () => {
    it('drops the Entity suffix and snake-cases the class name', () => {
      expect(naming.tableName('EnrollmentEntity', undefined)).toBe('enrollment');
      expect(naming.tableName('SessionSeriesEntity', undefined)).toBe('session_series');
    });

    it('keeps a name given in @Entity() as it is', () => {
      expect(naming.tableName('ApiKeyEntity', 'sponsor_api_key')).toBe('sponsor_api_key');
    });

    it('removes Entity only as a suffix', () => {
      expect(naming.tableName('EntityLinkEntity', undefined)).toBe('entity_link');
    });
  });

  describe('columnName', () => {
    it('snake-cases a camelCase property', () => {
      expect(naming.columnName('waitlistPosition', undefined, [])).toBe('waitlist_position');
    });

    it('keeps a column name given in @Column()', () => {
      expect(naming.columnName('waitlistPosition', 'position', [])).toBe('position');
    });

    it('prefixes the columns of an embedded object with its property name', () => {
      expect(naming.columnName('postalCode', undefined, ['homeAddress'])).toBe('home_address_postal_code');
    });

    it('separates every level of nested embeddeds and skips an empty prefix', () => {
      expect(naming.columnName('city', undefined, ['guardian', 'homeAddress'])).toBe('guardian_home_address_city');
      expect(naming.columnName('city', undefined, [''])).toBe('city');
    });
  });

  describe('relation and join names', () => {
    it('names a foreign key column <relation>_<referenced column>', () => {
      expect(naming.joinColumnName('program', 'id')).toBe('program_id');
      expect(naming.joinColumnName('employerSponsor', 'id')).toBe('employer_sponsor_id');
    });

    it('snake-cases a relation name', () => {
      expect(naming.relationName('sessionSeries')).toBe('session_series');
    });

    it('names a join table after both tables and the owning property', () => {
      expect(naming.joinTableName('mentor', 'skill', 'skills')).toBe('mentor_skills_skill');
      expect(naming.joinTableColumnName('mentor', 'id')).toBe('mentor_id');
    });
  });
});
