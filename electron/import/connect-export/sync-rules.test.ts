import { describe, expect, it } from 'vitest';
import { readSyncRule, valueFilteringRules, type SyncRule } from './sync-rules.js';
import { parseXmlText } from './xml-file.js';

const scope = (attribute: string, operator: string, value: string) =>
  `<scope><csAttribute>${attribute}</csAttribute><csOperator>${operator}</csOperator><csValue>${value}</csValue></scope>`;

function rule(options: { name?: string; tag?: string; disabled?: boolean; scopes?: string[]; mappings?: string } = {}): SyncRule {
  const text = `<synchronizationRule>
  <name>${options.name ?? 'rule'}</name>
  <immutable-tag>${options.tag ?? ''}</immutable-tag>
  <disabled>${options.disabled ? 'True' : 'False'}</disabled>
  <connector>{AE4DB4CC-B16B-4EB2-ACF5-837CA84E4D7D}</connector>
  <attribute-mappings>${options.mappings ?? ''}</attribute-mappings>
  <synchronizationCriteria><conditions>${(options.scopes ?? []).join('')}</conditions></synchronizationCriteria>
</synchronizationRule>`;
  const parsed = readSyncRule(parseXmlText(`${options.name ?? 'rule'}.xml`, text));
  if (!parsed) throw new Error('fixture is not a rule');
  return parsed;
}

const MICROSOFT_SCOPE = [scope('isCriticalSystemObject', 'NOTEQUAL', 'TRUE'), scope('adminDescription', 'NOTSTARTSWITH', 'User_')];
const MICROSOFT_FLOW = '<mapping><dest>cloudFiltered</dest><src><attr>isCriticalSystemObject</attr></src><expression>IIF([isCriticalSystemObject]="True",True,NULL)</expression></mapping>';
const standard = rule({ name: 'In from AD - User Join', tag: 'Microsoft.InfromADUserJoin.003', scopes: MICROSOFT_SCOPE, mappings: MICROSOFT_FLOW });

const filtering = (...custom: SyncRule[]) => [...valueFilteringRules([standard, ...custom])].map((r) => r.name);

describe('readSyncRule', () => {
  it('reads what classifies a rule', () => {
    expect(standard).toMatchObject({
      name: 'In from AD - User Join',
      connector: 'ae4db4cc-b16b-4eb2-acf5-837ca84e4d7d',
      standard: true,
      disabled: false,
      scope: ['iscriticalsystemobject|notequal|true', 'admindescription|notstartswith|user_'],
    });
    expect(standard.filterFlows[0]?.reads).toEqual(['iscriticalsystemobject', 'iscriticalsystemobject']);
    expect(rule({ tag: '', disabled: true })).toMatchObject({ standard: false, disabled: true });
  });

  it('ignores other XML', () => {
    expect(readSyncRule(parseXmlText('x.xml', '<something />'))).toBeUndefined();
  });
});

describe('valueFilteringRules', () => {
  it('does not count a clone that keeps Microsoft scoping', () => {
    expect(filtering(rule({ name: 'clone', scopes: MICROSOFT_SCOPE, mappings: MICROSOFT_FLOW }))).toEqual([]);
  });

  it('counts a new condition on an attribute value', () => {
    expect(filtering(rule({ name: 'no-sync', scopes: [scope('extensionAttribute15', 'NOTEQUAL', 'NoSync')] }))).toEqual(['no-sync']);
  });

  it('counts a new cloudFiltered flow that reads an attribute', () => {
    const flow = '<mapping><dest>cloudFiltered</dest><src><attr>department</attr></src><expression>IIF([department]="Lab",True,NULL)</expression></mapping>';
    expect(filtering(rule({ name: 'lab', mappings: flow }))).toEqual(['lab']);
  });

  it('does not count OU scoping or the pilot-migration cloudNoFlow rules', () => {
    const pilotIn = rule({
      name: 'pilot in',
      scopes: [scope('dn', 'ENDSWITH', 'OU=Pilot,DC=contoso,DC=com')],
      mappings: '<mapping><dest>cloudFiltered</dest><expression>True</expression></mapping>',
    });
    const pilotOut = rule({ name: 'pilot out', scopes: [scope('cloudNoFlow', 'EQUAL', 'True')] });
    expect(filtering(pilotIn, pilotOut)).toEqual([]);
  });

  it('does not count disabled rules', () => {
    expect(filtering(rule({ disabled: true, scopes: [scope('extensionAttribute15', 'EQUAL', 'NoSync')] }))).toEqual([]);
  });
});
