// A failure in words: API failures carry their code for the responder to quote; other errors their message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../../../shared/api';
import { errorText } from '../../../../renderer/src/format/errorText';

test('an ApiError shows its message and its code', () => {
  assert.equal(
    errorText(new ApiError('BUSY', 'an import is still running')),
    'an import is still running (BUSY)',
  );
});

test('other errors show their message, anything else as text', () => {
  assert.equal(errorText(new TypeError('Failed to fetch')), 'Failed to fetch');
  assert.equal(errorText('cancelled'), 'cancelled');
  assert.equal(errorText(undefined), 'undefined');
});
