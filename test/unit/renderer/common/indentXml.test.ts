// The raw viewer's layout of a one-line record: one element a line, short values kept on their line, the
// text itself untouched (entities stay as written, so evidence is never decoded into markup).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indentXml } from '../../../../renderer/src/common/indentXml';

test('a one-line event is laid out one element per line', () => {
  const event =
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Security-Auditing"/>' +
    '<EventID>4720</EventID></System><EventData><Data Name="TargetUserName">backdoor</Data>' +
    '<Data Name="Cmd">&lt;img src=x onerror=alert(1)&gt;</Data></EventData></Event>';
  assert.equal(
    indentXml(event),
    [
      '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
      '  <System>',
      '    <Provider Name="Microsoft-Windows-Security-Auditing"/>',
      '    <EventID>4720</EventID>',
      '  </System>',
      '  <EventData>',
      '    <Data Name="TargetUserName">backdoor</Data>',
      '    <Data Name="Cmd">&lt;img src=x onerror=alert(1)&gt;</Data>',
      '  </EventData>',
      '</Event>',
    ].join('\n'),
  );
});

test('declarations, comments and CDATA stay whole; the indent unit is a parameter', () => {
  const text =
    '<?xml version="1.0"?><Events><!-- a <comment> --><Event><![CDATA[<b>x</b>]]></Event></Events>';
  assert.equal(
    indentXml(text, '\t'),
    [
      '<?xml version="1.0"?>',
      '<Events>',
      '\t<!-- a <comment> -->',
      '\t<Event><![CDATA[<b>x</b>]]></Event>',
      '</Events>',
    ].join('\n'),
  );
});

test('text between elements is trimmed onto its own line, and stray closing tags never indent below zero', () => {
  assert.equal(indentXml('<a>one<b>two</b></a>'), ['<a>one', '  <b>two</b>', '</a>'].join('\n'));
  assert.equal(indentXml('</x></y><z>v</z>'), ['</x>', '</y>', '<z>v</z>'].join('\n'));
  assert.equal(indentXml('plain text'), 'plain text');
  assert.equal(indentXml(''), '');
});
