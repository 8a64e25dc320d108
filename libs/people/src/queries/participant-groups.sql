-- The SQL of participant-groups.ts, written by `npm run lint:tables -- --write`: do not edit.

-- participantGroups
(SELECT pt.id, ${genderGroupSql('pt.gender')} AS gender_group, pt.school_id, pt.birth_date, pt.erased_age_bands FROM participant pt)
