// The sample case's allowlist, in the shape the analytics read (sample-logs/allowlist.json).
import { ADDRESSES } from './company.js';
import { PROVISIONING_SCRIPT } from './provisioningStory.js';

export interface AllowlistEntry {
  value: string;
  reason: string;
}

export interface Allowlist {
  accounts: AllowlistEntry[];
  tools: AllowlistEntry[];
  sourceIps: AllowlistEntry[];
  hosts: AllowlistEntry[];
}

export const INVENTORY_SCRIPT = 'C:\\Scripts\\Get-LocalAdmins.ps1';

export const SAMPLE_ALLOWLIST: Allowlist = {
  accounts: [
    {
      value: 'CORP\\svc_provision',
      reason:
        'Approved new-hire provisioning service account (change CHG-2291), runs Provision-NewHires.ps1 on SRV-PROV01',
    },
    {
      value: 'CORP\\svc_inventory',
      reason: 'Approved inventory service account, runs the twice-weekly local administrators report on FS01',
    },
  ],
  tools: [
    {
      value: PROVISIONING_SCRIPT,
      reason: 'Approved provisioning script: creates local accounts for new hires from newhires.csv',
    },
    {
      value: INVENTORY_SCRIPT,
      reason: 'Approved admin inventory script: lists local administrators for the quarterly access review',
    },
  ],
  sourceIps: [
    {
      value: ADDRESSES.pentest,
      reason:
        'Authorised penetration test (engagement PT-2026-03, 13 March 2026): username enumeration is in scope',
    },
    {
      value: ADDRESSES.helpdeskTool,
      reason:
        'Helpdesk self-service password reset bulk status check (egress address of the helpdesk tooling)',
    },
  ],
  hosts: [],
};
