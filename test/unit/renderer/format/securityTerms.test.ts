// Windows logon types and Entra error codes in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { entraCodeName, entraCodeShort, logonTypeName } from '../../../../renderer/src/format/securityTerms';

test('logon types are named with their number; unknown ones keep the number', () => {
  assert.equal(logonTypeName(10), 'RDP (type 10)');
  assert.equal(logonTypeName(3), 'network (type 3)');
  assert.equal(logonTypeName(0), 'system (type 0)');
  assert.equal(logonTypeName(99), 'type 99');
  assert.equal(logonTypeName(null), 'unknown');
  assert.equal(logonTypeName(undefined), 'unknown');
});

test('Entra error codes read the same as numbers or strings, with a long and a short form', () => {
  assert.equal(entraCodeName(50126), 'invalid username or password');
  assert.equal(entraCodeName('50034'), 'user does not exist');
  assert.equal(entraCodeName(0), 'success');
  assert.equal(entraCodeName(12345), 'other error');
  assert.equal(entraCodeShort(50126), 'bad password');
  assert.equal(entraCodeShort('53003'), 'CA blocked');
  assert.equal(entraCodeShort(12345), 'error');
});
