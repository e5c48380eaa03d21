-- id:      AN1235
-- title:   Suspicious process, then a local account created
-- ATT&CK:  T1136.001 Create Account: Local Account; MITRE analytic AN1235 (seed 003)
-- params:  (defaults from params.ts beside this file and ../paramsCommon.ts)
--   $an1235_sequence_window_s        120   the 4720 follows the process start within this many seconds
--   $account_tools                   net.exe net1.exe powershell.exe pwsh.exe wmic.exe cmd.exe
--   $an1235_remote_wmi_parents       wmiprvse.exe   (a process started through remote WMI)
--   $an1235_trusted_folders          \windows\ \program files\ \program files (x86)\
--   $an1235_drop_folders             \users\ \temp\ \programdata\   (suspicious even inside a trusted folder)
--   $an1235_include_domain_accounts  false  (local accounts only, as the seed says)
--   $lineage_max_depth               16
--   $allow_accounts $allow_tools $allow_hosts   the case's allowlist
--
-- A sequence: a suspicious process start, then a 4720 on the same host within the window. The tie is
-- `strong` when the command line names the created account (without a trailing `$`: hidden accounts are
-- created as `name$` by a command that says `name`) or the logon ids match, `weak` when only host and time
-- tie them. One finding per 4720, for its best process; the others are counted.

WITH
creations AS (
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.ts, e.host, lower(e.host) AS host_key,
         e.target_user AS new_name, e.target_domain AS new_domain, e.target_sid AS new_sid,
         coalesce(account_key(e.target_user, e.target_domain), '?') AS new_key,
         coalesce(account_display(e.target_user, e.target_domain), '?') AS new_display,
         coalesce(first_label(e.target_domain) = first_label(e.host), false) AS is_local,
         account_display(e.subject_user, e.subject_domain) AS creator_display,
         account_key(e.subject_user, e.subject_domain) AS creator_key,
         e.subject_logon_id AS creator_logon_id,
         account_match_token(e.target_user) AS name_token
  FROM win_events e
  WHERE e.event_id = 4720
),
candidates AS (
  SELECT c.source_id, c.record_no, p.proc_key, p.ts AS process_ts, p.pid, p.image, p.image_name,
         p.command_line, p.parent_image_name, p.user_display, p.logon_id,
         p.source_id AS p_source_id, p.record_no AS p_record_no, p.record_id AS p_record_id, p.event_id AS p_event_id,
         list_contains($account_tools, p.image_name) AS is_account_tool,
         coalesce(list_contains($an1235_remote_wmi_parents, p.parent_image_name), false) AS from_remote_wmi,
         starts_with(image_folder_path(p.image), '\')
           AND (len(list_filter($an1235_trusted_folders, f -> starts_with(image_folder_path(p.image), lower(f)))) = 0
                OR len(list_filter($an1235_drop_folders, f -> contains(image_folder_path(p.image), lower(f)))) > 0)
           AS dropped_location,
         command_names_account(p.command_line, c.name_token) AS names_account,
         coalesce(p.logon_id = c.creator_logon_id, false) AS same_logon
  FROM creations c
  JOIN processes p
    ON p.host_key = c.host_key AND p.ts >= c.ts - to_seconds($an1235_sequence_window_s) AND p.ts <= c.ts
  WHERE c.is_local OR $an1235_include_domain_accounts
),
suspicious AS (
  SELECT * FROM candidates
  WHERE is_account_tool OR from_remote_wmi OR coalesce(dropped_location, false) OR names_account
),
ranked AS (
  SELECT *,
         count(*) OVER (PARTITION BY source_id, record_no) AS suspicious_count,
         row_number() OVER (PARTITION BY source_id, record_no
                            ORDER BY names_account DESC, same_logon DESC, process_ts DESC, proc_key DESC) AS rank
  FROM suspicious
),
best AS (SELECT * FROM ranked WHERE rank = 1),
chain_nodes AS (
  SELECT * FROM process_ancestry((SELECT list(proc_key) FROM best), $lineage_max_depth)
),
chains AS (
  SELECT start_key AS proc_key,
         list(command_line) FILTER (WHERE command_line IS NOT NULL) AS chain_commands,
         list({'host': host, 'time': iso_utc(ts), 'pid': pid, 'image': image, 'commandLine': command_line,
               'user': user_display, 'stub': stub} ORDER BY depth DESC) AS lineage
  FROM chain_nodes GROUP BY start_key
),
paired AS (
  SELECT c.*, b.* EXCLUDE (source_id, record_no),
         CASE WHEN b.names_account OR b.same_logon THEN 'strong' ELSE 'weak' END AS tie,
         date_diff('millisecond', b.process_ts, c.ts) / 1000.0::DOUBLE AS delta_s,
         src.sha256, psrc.sha256 AS p_sha256, ch.lineage,
         allowlisted_host(c.host, $allow_hosts) AS allow_host,
         allowlisted_account(c.creator_key, $allow_accounts) AS allow_account,
         allowlisted_tool(b.image_name, coalesce(ch.chain_commands, [b.command_line]), $allow_tools) AS allow_tool
  FROM creations c
  JOIN best b ON b.source_id = c.source_id AND b.record_no = c.record_no
  JOIN sources src ON src.source_id = c.source_id
  JOIN sources psrc ON psrc.source_id = b.p_source_id
  LEFT JOIN chains ch ON ch.proc_key = b.proc_key
)
SELECT
  'AN1235|' || sha256 || '|' || record_no AS finding_key,
  CASE
    WHEN allow_host IS NOT NULL OR (allow_account IS NOT NULL AND allow_tool IS NOT NULL) THEN 'low'
    WHEN tie = 'strong' THEN 'high'
    ELSE 'medium'
  END AS severity,
  CASE WHEN names_account THEN 'high' WHEN same_logon THEN 'medium' ELSE 'low' END AS confidence,
  iso_utc(process_ts) AS first_time, iso_utc(ts) AS last_time,
  [host] AS hosts,
  [{'key': new_key, 'display': new_display, 'role': 'created'}] AS accounts,
  creator_display AS actor_user, hex_logon_id(creator_logon_id) AS actor_logon_id, NULL::VARCHAR AS actor_source_ip,
  coalesce(lineage, []) AS lineage,
  [{'source': p_sha256, 'table': 'win_events', 'recordNo': p_record_no, 'recordId': p_record_id,
    'eventId': p_event_id, 'time': iso_utc(process_ts), 'role': 'suspicious-process'},
   {'source': sha256, 'table': 'win_events', 'recordNo': record_no, 'recordId': record_id,
    'eventId': event_id, 'time': iso_utc(ts), 'role': 'account-created'}] AS evidence,
  CASE WHEN allow_host IS NOT NULL THEN 'host'
       WHEN allow_account IS NOT NULL AND allow_tool IS NOT NULL THEN 'account' END AS allowlisted_kind,
  CASE WHEN allow_host IS NOT NULL THEN [allow_host]
       WHEN allow_account IS NOT NULL AND allow_tool IS NOT NULL THEN [allow_account, allow_tool] END
    AS allowlisted_values,
  {'account': {'name': new_name, 'domain': new_domain, 'sid': new_sid, 'local': is_local},
   'process': {'image': image, 'imageName': image_name, 'commandLine': command_line, 'pid': TRY_CAST(pid AS UINTEGER),
               'parentImageName': parent_image_name, 'user': user_display, 'logonId': hex_logon_id(logon_id),
               'time': iso_utc(process_ts)},
   'creationTime': iso_utc(ts), 'deltaSeconds': delta_s, 'tie': tie,
   'namesAccount': names_account, 'sameLogon': same_logon,
   'why': list_filter([CASE WHEN is_account_tool THEN 'account-tool' END,
                       CASE WHEN from_remote_wmi THEN 'remote-wmi' END,
                       CASE WHEN dropped_location THEN 'unusual-location' END,
                       CASE WHEN names_account THEN 'names-account' END], w -> w IS NOT NULL),
   'otherSuspiciousProcesses': (suspicious_count - 1)::INTEGER, 'host': host} AS details
FROM paired
ORDER BY ts, host, record_no;
