-- id:      AN1604
-- title:   Account created, with the process, session and follow-up behind it
-- ATT&CK:  T1136 Create Account (.001 local, .002 domain); MITRE analytic AN1604 (seed 001)
-- params:  (defaults from params.ts beside this file and ../paramsCommon.ts)
--   $an1604_creation_window_s      300   the creating process started at most this long before the 4720
--   $an1604_remote_window_s        300   same, for the admin tool on the source workstation of a remote creation
--   $an1604_followup_window_s    86400   follow-up events are collected this long after the creation
--   $an1604_remote_admin_patterns  mmc dsa.msc, New-ADUser, net user /add /domain, wmic /node:, dsadd user
--   $an1604_ignored_processes      conhost.exe
--   $an1604_setup_window_s         900   SYSTEM creating an account this soon after the host's first logged
--                                        event is Windows setup creating it (details.createdDuringSetup)
--   $account_tools                 net.exe net1.exe powershell.exe pwsh.exe wmic.exe cmd.exe
--   $privileged_groups             Administrators, Domain Admins, Enterprise Admins, Schema Admins, …
--   $unusual_launchers             Office apps, browsers, w3wp.exe, rundll32.exe, mshta.exe, wscript.exe
--   $lineage_max_depth             16
--   $allow_accounts $allow_tools $allow_hosts $allow_properties   the case's allowlist
--
-- Local accounts created during Windows setup (by SYSTEM — S-1-5-18 or logon 0x3e7 — within the setup window
-- of the first event the case holds from that host, then added to Administrators) stay findings
-- with their usual severity; the explanation says "created during setup", and the allowlist property
-- `created-during-setup` lowers them to Low like any other allowlist entry.
--
-- Every 4720 is one finding. It is then enriched: (1) the creating process, (2) the creator's logon
-- session, (3) for a network logon, the admin tool on the workstation it came from, (4) what happened to
-- the account in the next 24 hours, (5) severity and allowlist.

WITH
creations AS MATERIALIZED (
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.ts, e.host, lower(e.host) AS host_key,
         e.target_user AS new_name, e.target_domain AS new_domain, e.target_sid AS new_sid,
         coalesce(account_key(e.target_user, e.target_domain), '?') AS new_key,
         coalesce(account_display(e.target_user, e.target_domain), '?') AS new_display,
         coalesce(first_label(e.target_domain) = first_label(e.host), false) AS is_local,
         account_display(e.subject_user, e.subject_domain) AS creator_display,
         account_key(e.subject_user, e.subject_domain) AS creator_key,
         e.subject_sid AS creator_sid, e.subject_logon_id AS creator_logon_id,
         account_match_token(e.target_user) AS name_token,
         e.data->>'NewUacValue' AS uac_value, e.data->>'UserAccountControl' AS uac_flags
  FROM win_events e
  WHERE e.event_id = 4720
),
-- The first event the case holds from each host that created an account: where its logs begin.
host_first_events AS (
  SELECT lower(e.host) AS host_key, min(e.ts) AS first_ts
  FROM win_events e
  WHERE lower(e.host) IN (SELECT host_key FROM creations)
  GROUP BY ALL
),

-- (1) The creating process: same host, started in the window before the 4720; a command line naming the
-- account and the creator's own logon session are the two ties, and both together are the strongest.
process_candidates AS (
  SELECT c.source_id, c.record_no, p.proc_key, p.ts, p.pid, p.image, p.image_name, p.command_line,
         p.user_display, p.record_no AS p_record_no, p.record_id AS p_record_id, p.event_id AS p_event_id,
         psrc.sha256 AS p_sha256,
         coalesce(p.logon_id = c.creator_logon_id, false) AS same_logon,
         command_names_account(p.command_line, c.name_token) AS names_account
  FROM creations c
  JOIN processes p
    ON p.host_key = c.host_key AND p.ts >= c.ts - to_seconds($an1604_creation_window_s) AND p.ts <= c.ts
  JOIN sources psrc ON psrc.source_id = p.source_id
  WHERE NOT list_contains($an1604_ignored_processes, p.image_name)
),
creating_process AS MATERIALIZED (
  SELECT *, CASE WHEN same_logon AND names_account THEN 'cmdline+logon'
                 WHEN same_logon THEN 'logon' ELSE 'time-only' END AS link
  FROM process_candidates
  WHERE same_logon OR names_account
  QUALIFY row_number() OVER (
    PARTITION BY source_id, record_no
    ORDER BY (same_logon AND names_account) DESC, same_logon DESC, names_account DESC,
             list_contains($account_tools, image_name) DESC, ts DESC, proc_key DESC) = 1
),

-- (2) The creator's session: the latest 4624 of that logon id on that host before the creation.
sessions AS MATERIALIZED (
  SELECT c.source_id, c.record_no, s.logon_type, s.ip, s.workstation, s.auth_package, s.user_display,
         s.start_ts, s.record_no AS s_record_no, s.record_id AS s_record_id, ssrc.sha256 AS s_sha256
  FROM creations c
  JOIN logon_sessions s ON s.host_key = c.host_key AND s.logon_id = c.creator_logon_id AND s.start_ts <= c.ts
  JOIN sources ssrc ON ssrc.source_id = s.source_id
  QUALIFY row_number() OVER (PARTITION BY c.source_id, c.record_no ORDER BY s.start_ts DESC, s.session_key DESC) = 1
),

-- (3) Remote creation: a network logon (type 3) came from a workstation; find that host (by the first label
-- of its name, or by a name seen for the same IP in other logons) and the admin tool its user ran there.
known_hosts AS (SELECT DISTINCT host, host_key, first_label(host) AS label FROM processes),
ip_names AS (
  SELECT DISTINCT ip, first_label(workstation) AS label
  FROM logon_sessions WHERE ip IS NOT NULL AND NOT blank_name(workstation)
),
remote_hosts AS (
  SELECT s.source_id, s.record_no, h.host_key AS source_host_key
  FROM sessions s JOIN known_hosts h ON h.label = first_label(s.workstation)
  WHERE s.logon_type = 3 AND NOT blank_name(s.workstation)
  UNION
  SELECT s.source_id, s.record_no, h.host_key
  FROM sessions s JOIN ip_names n ON n.ip = s.ip JOIN known_hosts h ON h.label = n.label
  WHERE s.logon_type = 3
),
remote_process AS MATERIALIZED (
  SELECT r.source_id, r.record_no, p.proc_key, p.host, p.ts, p.image_name, p.command_line,
         psrc.sha256 AS p_sha256, p.record_no AS p_record_no, p.record_id AS p_record_id, p.event_id AS p_event_id
  FROM remote_hosts r
  JOIN creations c ON c.source_id = r.source_id AND c.record_no = r.record_no
  JOIN processes p
    ON p.host_key = r.source_host_key AND p.account_key = c.creator_key
   AND p.ts >= c.ts - to_seconds($an1604_remote_window_s) AND p.ts <= c.ts
  JOIN sources psrc ON psrc.source_id = p.source_id
  WHERE r.source_host_key <> c.host_key
    AND (regexp_matches(p.command_line, any_regex($an1604_remote_admin_patterns))
         OR command_names_account(p.command_line, c.name_token))
  QUALIFY row_number() OVER (
    PARTITION BY r.source_id, r.record_no
    ORDER BY command_names_account(p.command_line, c.name_token) DESC, p.ts DESC, p.proc_key DESC) = 1
),

chain_nodes AS (
  SELECT * FROM process_ancestry(
    (SELECT list(proc_key) FROM (SELECT proc_key FROM creating_process UNION SELECT proc_key FROM remote_process)),
    $lineage_max_depth)
),
chains AS (
  SELECT start_key AS proc_key,
         list(command_line) FILTER (WHERE command_line IS NOT NULL) AS chain_commands,
         min_by(image_name, depth) FILTER (WHERE depth > 0 AND list_contains($unusual_launchers, image_name))
           AS unusual_launcher,
         list({'host': host, 'time': iso_utc(ts), 'pid': pid, 'image': image, 'commandLine': command_line,
               'user': user_display, 'stub': stub} ORDER BY depth DESC) AS lineage
  FROM chain_nodes GROUP BY start_key
),

-- (4) Follow-up: events about the same account (by SID; by name when the 4720 has no SID) within 24 h.
followup_events AS (
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.ts, e.host, lower(e.host) AS host_key,
         CASE WHEN e.event_id IN (4728, 4732, 4756) THEN e.member_sid ELSE e.target_sid END AS account_sid,
         e.target_user, e.target_domain,
         CASE WHEN e.event_id IN (4728, 4732, 4756) THEN e.target_user END AS group_name,
         e.logon_type, e.ip, e.workstation, account_display(e.subject_user, e.subject_domain) AS by_user
  FROM win_events e
  WHERE e.event_id IN (4722, 4723, 4724, 4738, 4726, 4728, 4732, 4756, 4624)
),
followups AS (
  SELECT c.source_id AS c_source_id, c.record_no AS c_record_no, f.*,
         CASE f.event_id WHEN 4722 THEN 'enabled' WHEN 4723 THEN 'password-changed' WHEN 4724 THEN 'password-reset'
           WHEN 4738 THEN 'changed' WHEN 4726 THEN 'deleted' WHEN 4624 THEN 'logon' ELSE 'group-add' END AS kind,
         f.group_name IS NOT NULL
           AND list_contains(list_transform($privileged_groups, g -> lower(g)), lower(f.group_name)) AS privileged,
         f.event_id = 4624 AND (f.host_key <> c.host_key
           OR coalesce(f.ip NOT IN ('', '-', '127.0.0.1', '::1'), false)) AS from_elsewhere,
         date_diff('millisecond', c.ts, f.ts) / 1000.0::DOUBLE AS delta_s
  FROM creations c
  JOIN followup_events f
    ON f.account_sid = c.new_sid AND f.ts >= c.ts AND f.ts <= c.ts + to_seconds($an1604_followup_window_s)
  UNION ALL   -- a 4720 without a SID: match by name (two joins, because an OR would defeat the hash join)
  SELECT c.source_id, c.record_no, f.*,
         CASE f.event_id WHEN 4722 THEN 'enabled' WHEN 4723 THEN 'password-changed' WHEN 4724 THEN 'password-reset'
           WHEN 4738 THEN 'changed' WHEN 4726 THEN 'deleted' WHEN 4624 THEN 'logon' ELSE 'group-add' END,
         false, f.event_id = 4624 AND f.host_key <> c.host_key, date_diff('millisecond', c.ts, f.ts) / 1000.0::DOUBLE
  FROM creations c
  JOIN followup_events f
    ON lower(f.target_user) = lower(c.new_name) AND f.ts >= c.ts
   AND f.ts <= c.ts + to_seconds($an1604_followup_window_s)
  WHERE c.new_sid IS NULL AND f.event_id NOT IN (4728, 4732, 4756)
    AND account_key(f.target_user, f.target_domain) = c.new_key
),
followup_lists AS (
  SELECT c_source_id AS source_id, c_record_no AS record_no,
         list({'kind': kind, 'eventId': event_id, 'time': iso_utc(ts), 'host': host, 'group': group_name,
               'privileged': privileged, 'logonType': logon_type, 'ip': ip, 'workstation': workstation,
               'by': by_user, 'deltaSeconds': delta_s} ORDER BY ts, record_no) AS followups,
         list(DISTINCT group_name) FILTER (WHERE privileged) AS privileged_groups,
         bool_or(from_elsewhere) AS logged_on_from_elsewhere,
         max(ts) AS last_followup_ts,
         list({'source': src.sha256, 'table': 'win_events', 'recordNo': f.record_no, 'recordId': f.record_id,
               'eventId': event_id, 'time': iso_utc(ts), 'role': 'follow-up'} ORDER BY ts, f.record_no) AS evidence
  FROM followups f JOIN sources src ON src.source_id = f.source_id
  GROUP BY c_source_id, c_record_no
),

-- (5) One row per creation.
assembled AS (
  SELECT c.*, src.sha256,
         cp.proc_key, cp.link, cp.image_name AS tool, cp.command_line, cp.pid, cp.ts AS process_ts,
         cp.p_sha256, cp.p_record_no, cp.p_record_id, cp.p_event_id,
         s.logon_type, s.ip, s.workstation, s.auth_package, s.s_sha256, s.s_record_no, s.s_record_id, s.start_ts,
         rp.host AS remote_host, rp.image_name AS remote_tool, rp.command_line AS remote_command_line,
         rp.ts AS remote_ts, rp.p_sha256 AS r_sha256, rp.p_record_no AS r_record_no,
         rp.p_record_id AS r_record_id, rp.p_event_id AS r_event_id,
         local_chain.lineage AS local_lineage, remote_chain.lineage AS remote_lineage,
         coalesce(local_chain.unusual_launcher, remote_chain.unusual_launcher) AS unusual_launcher,
         coalesce(fl.followups, []) AS followups, coalesce(fl.privileged_groups, []) AS privileged_groups,
         coalesce(fl.logged_on_from_elsewhere, false) AS logged_on_from_elsewhere,
         coalesce(fl.evidence, []) AS followup_evidence, fl.last_followup_ts,
         allowlisted_host(c.host, $allow_hosts) AS allow_host,
         allowlisted_account(c.creator_key, $allow_accounts) AS allow_account,
         allowlisted_tool(coalesce(cp.image_name, rp.image_name),
                          coalesce(local_chain.chain_commands, remote_chain.chain_commands, []), $allow_tools)
           AS allow_tool,
         coalesce(cp.image_name, rp.image_name) IS NULL AS no_tool,
         coalesce((c.creator_sid = 'S-1-5-18' OR c.creator_logon_id = 999) AND c.is_local
                  AND c.ts <= hf.first_ts + to_seconds($an1604_setup_window_s)
                  AND list_contains(list_transform(fl.privileged_groups, g -> lower(g)), 'administrators'), false)
           AS during_setup,
         date_diff('millisecond', hf.first_ts, c.ts) / 1000.0::DOUBLE AS since_first_event_s
  FROM creations c
  LEFT JOIN host_first_events hf ON hf.host_key = c.host_key
  JOIN sources src ON src.source_id = c.source_id
  LEFT JOIN creating_process cp ON cp.source_id = c.source_id AND cp.record_no = c.record_no
  LEFT JOIN sessions s ON s.source_id = c.source_id AND s.record_no = c.record_no
  LEFT JOIN remote_process rp ON rp.source_id = c.source_id AND rp.record_no = c.record_no
  LEFT JOIN chains local_chain ON local_chain.proc_key = cp.proc_key
  LEFT JOIN chains remote_chain ON remote_chain.proc_key = rp.proc_key
  LEFT JOIN followup_lists fl ON fl.source_id = c.source_id AND fl.record_no = c.record_no
),
allowed AS (
  SELECT *,
         CASE WHEN during_setup THEN list_filter($allow_properties, p -> lower(trim(p)) = 'created-during-setup')[1]
         END AS allow_property
  FROM assembled
)
SELECT
  'AN1604|' || sha256 || '|' || record_no AS finding_key,
  CASE
    WHEN allow_host IS NOT NULL OR (allow_account IS NOT NULL AND (allow_tool IS NOT NULL OR no_tool))
      OR allow_property IS NOT NULL THEN 'low'
    WHEN len(privileged_groups) > 0 OR logged_on_from_elsewhere OR unusual_launcher IS NOT NULL THEN 'high'
    ELSE 'medium'
  END AS severity,
  'high' AS confidence,   -- a 4720 is the system's own record of the creation
  iso_utc(ts) AS first_time,
  iso_utc(greatest(ts, coalesce(last_followup_ts, ts))) AS last_time,
  list_distinct([host] || coalesce(list_transform(followups, f -> f.host), [])) AS hosts,
  [{'key': new_key, 'display': new_display, 'role': 'created'}] AS accounts,
  creator_display AS actor_user, hex_logon_id(creator_logon_id) AS actor_logon_id, remote_ip(ip) AS actor_source_ip,
  coalesce(remote_lineage, []) || coalesce(local_lineage, []) AS lineage,
  [{'source': sha256, 'table': 'win_events', 'recordNo': record_no, 'recordId': record_id, 'eventId': event_id,
    'time': iso_utc(ts), 'role': 'account-created'}]
    || CASE WHEN proc_key IS NULL THEN [] ELSE
       [{'source': p_sha256, 'table': 'win_events',
         'recordNo': p_record_no, 'recordId': p_record_id, 'eventId': p_event_id, 'time': iso_utc(process_ts),
         'role': 'creating-process'}] END
    || CASE WHEN s_sha256 IS NULL THEN [] ELSE
       [{'source': s_sha256, 'table': 'win_events',
         'recordNo': s_record_no, 'recordId': s_record_id, 'eventId': 4624, 'time': iso_utc(start_ts),
         'role': 'creator-logon'}] END
    || CASE WHEN r_sha256 IS NULL THEN [] ELSE
       [{'source': r_sha256, 'table': 'win_events',
         'recordNo': r_record_no, 'recordId': r_record_id, 'eventId': r_event_id, 'time': iso_utc(remote_ts),
         'role': 'remote-admin-process'}] END
    || followup_evidence AS evidence,
  CASE WHEN allow_host IS NOT NULL THEN 'host'
       WHEN allow_account IS NOT NULL AND (allow_tool IS NOT NULL OR no_tool) THEN 'account'
       WHEN allow_property IS NOT NULL THEN 'property' END AS allowlisted_kind,
  CASE WHEN allow_host IS NOT NULL THEN [allow_host]
       WHEN allow_account IS NOT NULL AND (allow_tool IS NOT NULL OR no_tool)
         THEN list_filter([allow_account, allow_tool], v -> v IS NOT NULL)
       WHEN allow_property IS NOT NULL THEN [allow_property] END AS allowlisted_values,
  {'account': {'name': new_name, 'domain': new_domain, 'sid': new_sid, 'local': is_local},
   'creator': {'user': creator_display, 'sid': creator_sid, 'logonId': hex_logon_id(creator_logon_id)},
   'userAccountControl': {'value': uac_value, 'flags': uac_flags},
   'link': CASE WHEN proc_key IS NOT NULL THEN {'method': link, 'image': tool, 'commandLine': command_line,
                                                'pid': TRY_CAST(pid AS UINTEGER), 'time': iso_utc(process_ts)} END,
   'session': CASE WHEN s_sha256 IS NOT NULL THEN {'logonType': logon_type, 'ip': ip, 'workstation': workstation,
                                                     'authPackage': auth_package, 'start': iso_utc(start_ts)} END,
   'remote': CASE WHEN remote_host IS NOT NULL THEN {'host': remote_host, 'image': remote_tool,
                                                     'commandLine': remote_command_line, 'time': iso_utc(remote_ts)} END,
   'followUps': followups, 'privilegedGroups': privileged_groups,
   'loggedOnFromElsewhere': logged_on_from_elsewhere, 'unusualLauncher': unusual_launcher,
   'time': iso_utc(ts), 'host': host,
   'createdDuringSetup': CASE WHEN during_setup THEN {'secondsAfterFirstEvent': since_first_event_s} END} AS details
FROM allowed
ORDER BY ts, host, record_no;
