// Generates events whose values and markup exercise everything a Windows event XML may legally hold:
// entities and character references, CR/CRLF line ends, non-ASCII text, empty and unnamed Data, `>` in
// attribute values, either quote style, whitespace inside tags, and (in some) CDATA, comments and
// UserData, which the fast path must hand to the conformant parser. Deterministic for a given seed.

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALUES = [
  'plain',
  'NtLmSsp ',
  '',
  '   \t  ',
  'a &amp; b &lt;c&gt; &quot;q&quot; &apos;s&apos;',
  'reg&#174;istered &#xAE; &#x1F600; tab&#9;end',
  'line1\r\nline2\rline3\nline4',
  'ref line ends &#13;&#10; stay',
  'Ünïcödé 中文 ©',
  'emoji 😀 pair',
  'a > b ]] c',
  'C:\\Windows\\System32\\cmd.exe /c "net user backdoor P@ss /add"',
  '0x00000000000003e7',
  '%%1833',
  '-',
  '<![CDATA[raw <markup> & stuff]]>',
  'before<!-- a comment -->after',
  'x<?pi target?>y',
  'char ref C1 &#148; and &#157;',
];

const NAMES = [
  'TargetUserName',
  'SubjectLogonId',
  'IpAddress',
  'a>b',
  'say "hi"',
  "it's",
  'Ünï',
  'x&amp;y',
  '__proto__',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function quoteAttribute(random: () => number, name: string, rawValue: string): string {
  const space = pick(random, ['', ' ', '\t', '\n  ']);
  if (random() < 0.5 && !rawValue.includes("'")) return `${name}${space}=${space}'${rawValue}'`;
  return `${name}=${space}"${rawValue.replace(/"/g, '&quot;')}"`;
}

function dataElement(random: () => number, i: number): string {
  const value = pick(random, VALUES);
  const unnamed = random() < 0.15;
  const name = unnamed ? null : random() < 0.3 ? pick(random, NAMES) : `Field${i}`;
  const attrs = name === null ? '' : ` ${quoteAttribute(random, 'Name', name)}`;
  const tagSpace = pick(random, ['', '', ' ', '\r\n\t']);
  if (value === '' && random() < 0.5) return `<Data${attrs}${tagSpace}/>`;
  return `<Data${attrs}${tagSpace}>${value}</Data${pick(random, ['', '', ' '])}>`;
}

function systemSection(random: () => number, eventId: number, recordId: number): string {
  const time = pick(random, [
    '2024-03-01T10:00:00.1234567Z',
    '2021-10-19 14:42:41.202765',
    '2024-03-01T10:00:00Z',
  ]);
  const sep = random() < 0.5 ? '' : '\n';
  return (
    `<System>${sep}<Provider ${quoteAttribute(random, 'Name', 'Microsoft-Windows-Security-Auditing')} ` +
    `Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/>${sep}` +
    `<EventID${random() < 0.5 ? " Qualifiers=''" : ''}>${eventId}</EventID>${sep}<Version>1</Version>` +
    `<Level>0</Level><Task>12544</Task><Keywords>0x8020000000000000</Keywords>${sep}` +
    `<TimeCreated SystemTime="${time}"></TimeCreated><EventRecordID>${recordId}</EventRecordID>` +
    `<Correlation ActivityID='{a>b}'/><Execution ProcessID='640' ThreadID='7'/>` +
    `<Channel>Security</Channel><Computer>WS01 &amp; co</Computer><Security UserID='S-1-5-18'/></System>${sep}`
  );
}

function userData(random: () => number): string {
  return (
    `<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'>` +
    `<SubjectUserSid>S-1-5-21-1-2-3-500</SubjectUserSid><SubjectUserName>${pick(random, VALUES)}</SubjectUserName>` +
    `<SubjectDomainName>CORP</SubjectDomainName><SubjectLogonId>0x4fd77</SubjectLogonId>` +
    `<Nested Kind='k'><Deeper>${pick(random, VALUES)}</Deeper></Nested></LogFileCleared></UserData>`
  );
}

export function nastyEvent(random: () => number, recordId: number): string {
  const open =
    random() < 0.5 ? "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>" : '<Event>';
  let payload: string;
  if (random() < 0.1) payload = userData(random);
  else {
    const count = 1 + Math.floor(random() * 12);
    const data = Array.from({ length: count }, (_v, i) => dataElement(random, i)).join(
      pick(random, ['', '\n', '\r\n  ']),
    );
    const binary = random() < 0.2 ? `<Binary>${pick(random, ['00FF10', ''])}</Binary>` : '';
    payload = `<EventData>${data}${binary}</EventData>`;
  }
  const rendering =
    random() < 0.2 ? "<RenderingInfo Culture='en-US'><Message>m &amp; m\r\n</Message></RenderingInfo>" : '';
  return `${open}${systemSection(random, 4624, recordId)}${payload}${rendering}</Event>`;
}
