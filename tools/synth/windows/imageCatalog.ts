// Version-resource metadata Sysmon copies into event 1 for the images the synthetic hosts run, and
// stable fake hashes. Unknown images get "-" as Sysmon writes for files without a version resource.
import { createHash } from 'node:crypto';

export interface ImageInfo {
  fileVersion: string;
  description: string;
  product: string;
  company: string;
  originalFileName: string;
}

const WINDOWS_PRODUCT = 'Microsoft\u00ae Windows\u00ae Operating System';
const WIN_BUILD = '10.0.22621.3235 (WinBuild.160101.0800)';

function windowsImage(description: string, originalFileName: string): ImageInfo {
  return {
    fileVersion: WIN_BUILD,
    description,
    product: WINDOWS_PRODUCT,
    company: 'Microsoft Corporation',
    originalFileName,
  };
}

const CATALOG: Record<string, ImageInfo> = {
  'cmd.exe': windowsImage('Windows Command Processor', 'Cmd.Exe'),
  'net.exe': windowsImage('Net Command', 'net.exe'),
  'net1.exe': windowsImage('Net Command', 'net1.exe'),
  'conhost.exe': windowsImage('Console Window Host', 'CONHOST.EXE'),
  'explorer.exe': windowsImage('Windows Explorer', 'EXPLORER.EXE'),
  'userinit.exe': windowsImage('Userinit Logon Application', 'USERINIT.EXE'),
  'svchost.exe': windowsImage('Host Process for Windows Services', 'svchost.exe'),
  'powershell.exe': windowsImage('Windows PowerShell', 'PowerShell.EXE'),
  'mmc.exe': windowsImage('Microsoft Management Console', 'MMC.EXE'),
  'taskhostw.exe': windowsImage('Host Process for Windows Tasks', 'taskhostw.exe'),
  'backgroundtaskhost.exe': windowsImage('Background Task Host', 'backgroundTaskHost.exe'),
  'runtimebroker.exe': windowsImage('Runtime Broker', 'RuntimeBroker.exe'),
  'searchprotocolhost.exe': windowsImage('Microsoft Windows Search Protocol Host', 'searchprotocolhost.exe'),
  'searchfilterhost.exe': windowsImage('Microsoft Windows Search Filter Host', 'searchfilterhost.exe'),
  'sihost.exe': windowsImage('Shell Infrastructure Host', 'sihost.exe'),
  'ctfmon.exe': windowsImage('CTF Loader', 'CTFMON.EXE'),
  'dllhost.exe': windowsImage('COM Surrogate', 'dllhost.exe'),
  'wmiprvse.exe': windowsImage('WMI Provider Host', 'Wmiprvse.exe'),
  'consent.exe': windowsImage('Consent UI for administrative applications', 'consent.exe'),
  'winlogon.exe': windowsImage('Windows Logon Application', 'WINLOGON.EXE'),
  'csrss.exe': windowsImage('Client Server Runtime Process', 'CSRSS.Exe'),
  'smss.exe': windowsImage('Windows Session Manager', 'smss.exe'),
  'dwm.exe': windowsImage('Desktop Window Manager', 'dwm.exe'),
  'fontdrvhost.exe': windowsImage('Usermode Font Driver Host', 'fontdrvhost.exe'),
  'logonui.exe': windowsImage('Windows Logon User Interface Host', 'LogonUI.exe'),
  'rdpclip.exe': windowsImage('RDP Clipboard Monitor', 'rdpclip.exe'),
  'notepad.exe': windowsImage('Notepad', 'NOTEPAD.EXE'),
  'whoami.exe': windowsImage('whoami - displays logged on user information', 'whoami.exe'),
  'compattelrunner.exe': windowsImage('Microsoft Compatibility Telemetry', 'CompatTelRunner.exe'),
  'gpupdate.exe': windowsImage('Microsoft\u00ae Windows Group Policy Update Utility', 'GPUpdate.exe'),
  'wevtutil.exe': windowsImage('Eventing Command Line Utility', 'wevtutil.exe'),
  'mstsc.exe': windowsImage('Remote Desktop Connection', 'mstsc.exe'),
  'chrome.exe': {
    fileVersion: '122.0.6261.129',
    description: 'Google Chrome',
    product: 'Google Chrome',
    company: 'Google LLC',
    originalFileName: 'chrome.exe',
  },
  'outlook.exe': {
    fileVersion: '16.0.17328.20162',
    description: 'Microsoft Outlook',
    product: 'Microsoft Outlook',
    company: 'Microsoft Corporation',
    originalFileName: 'Outlook.exe',
  },
  'winword.exe': {
    fileVersion: '16.0.17328.20162',
    description: 'Microsoft Word',
    product: 'Microsoft Office',
    company: 'Microsoft Corporation',
    originalFileName: 'WinWord.exe',
  },
  'ms-teams.exe': {
    fileVersion: '24033.811.2738.2546',
    description: 'Microsoft Teams',
    product: 'Microsoft Teams',
    company: 'Microsoft Corporation',
    originalFileName: 'ms-teams.exe',
  },
  'onedrive.exe': {
    fileVersion: '24.035.0218.0003',
    description: 'Microsoft OneDrive',
    product: 'Microsoft OneDrive',
    company: 'Microsoft Corporation',
    originalFileName: 'OneDrive.exe',
  },
  'msedgewebview2.exe': {
    fileVersion: '122.0.2365.92',
    description: 'Microsoft Edge WebView2',
    product: 'Microsoft Edge WebView2',
    company: 'Microsoft Corporation',
    originalFileName: 'msedgewebview2.exe',
  },
  'mpcmdrun.exe': {
    fileVersion: '4.18.24020.7 (WinBuild.160101.0800)',
    description: 'Microsoft Malware Protection Command Line Utility',
    product: WINDOWS_PRODUCT,
    company: 'Microsoft Corporation',
    originalFileName: 'MpCmdRun.exe',
  },
};

const UNKNOWN: ImageInfo = {
  fileVersion: '-',
  description: '-',
  product: '-',
  company: '-',
  originalFileName: '-',
};

export function imageBaseName(path: string): string {
  return path.slice(path.lastIndexOf('\\') + 1).toLowerCase();
}

export function imageInfo(path: string): ImageInfo {
  return CATALOG[imageBaseName(path)] ?? UNKNOWN;
}

const hashCache = new Map<string, string>();

/** Sysmon's Hashes field. The digests are of the path, not of a real file: stable and plausible. */
export function imageHashes(path: string): string {
  const key = path.toLowerCase();
  let hashes = hashCache.get(key);
  if (!hashes) {
    const digest = (algorithm: string, salt: string) =>
      createHash(algorithm).update(`${salt}:${key}`).digest('hex').toUpperCase();
    hashes = `SHA1=${digest('sha1', 's')},MD5=${digest('md5', 'm')},SHA256=${digest('sha256', 'h')},IMPHASH=${digest('md5', 'i')}`;
    hashCache.set(key, hashes);
  }
  return hashes;
}
