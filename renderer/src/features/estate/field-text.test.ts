import { describe, expect, it } from 'vitest';
import { agentEntity, connectServerEntity, domainEntity, forestEntity } from '../../../../shared/model/entities';
import { fieldText, readFieldText } from './field-text';

describe('form fields read like template cells', () => {
  it('reads counts with thousands separators, and an empty box as unknown', () => {
    expect(readFieldText(domainEntity.fields.users, '12,500')).toEqual({ ok: true, value: 12_500 });
    expect(readFieldText(domainEntity.fields.users, '  ')).toEqual({ ok: true, value: null });
    expect(readFieldText(domainEntity.fields.users, '-3')).toEqual({ ok: false, problem: '"-3" is not a count (a whole number of zero or more)' });
  });

  it('says a required field is missing, and refuses a name that is not a DNS name', () => {
    expect(readFieldText(forestEntity.fields.forest, '')).toEqual({ ok: false, problem: 'Forest root domain is required' });
    expect(readFieldText(forestEntity.fields.forest, 'not a name')).toMatchObject({ ok: false });
  });

  it('reads ";"-separated DNS names, decimals and yes/no, and writes them back the same way', () => {
    expect(readFieldText(connectServerEntity.fields.forests, 'a.com; B.com')).toEqual({ ok: true, value: ['a.com', 'b.com'] });
    expect(fieldText(connectServerEntity.fields.forests, ['a.com', 'b.com'])).toBe('a.com; b.com');
    expect(readFieldText(agentEntity.fields.ramGb, '7,5')).toEqual({ ok: true, value: 7.5 });
    expect(readFieldText(agentEntity.fields.tls12, 'no')).toEqual({ ok: true, value: false });
    expect(fieldText(agentEntity.fields.tls12, true)).toBe('yes');
    expect(fieldText(agentEntity.fields.tls12, null)).toBe('');
  });

  it('keeps notes as typed', () => {
    expect(readFieldText(forestEntity.fields.notes, ' two  spaces ')).toEqual({ ok: true, value: ' two  spaces ' });
    expect(readFieldText(forestEntity.fields.notes, '')).toEqual({ ok: true, value: '' });
  });
});
