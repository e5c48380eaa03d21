-- id:      AN1612
-- title:   Account enumeration
-- ATT&CK:  T1087 Account Discovery (.001 local, .002 domain); T1069 Permission Groups Discovery
--          (.001 local, .002 domain); MITRE analytic AN1612 (seed 000)
-- params:  (defaults from params.ts beside this file; lists are matched case-insensitively)
--   $an1612_burst_window_s         600   signals of one actor with no longer gap form one finding
--   $an1612_artifact_window_s      120   a list-shaped file this soon after a signal is its output
--   $an1612_artifact_lead_s          5   … or this soon before it (a shell opens `> file` before starting the command)
--   $an1612_command_patterns       net user/group/localgroup, wmic useraccount, Get-LocalUser, dsquery …
--   $an1612_command_exclusions     /add, /delete, setting a password, LDIF import
--   $an1612_script_patterns        enumeration cmdlets inside a 4104 script block
--   $an1612_domain_wide_patterns   /domain, AD cmdlets, [adsisearcher], dsquery, csvde/ldifde/adfind
--   $an1612_export_patterns        Out-File, Export-Csv, Set-Content, csvde -f …
--   $an1612_redirect_pattern       a shell redirect `> file`; group 1 is the file
--   $an1612_artifact_extensions    .txt .csv .json .xml .html .log
--   $an1612_parent_shells          cmd.exe powershell.exe pwsh.exe
--   $an1612_sam_object_types       SAM_USER SAM_GROUP SAM_ALIAS SAM_DOMAIN
--   $an1612_ignore_self_lookups    true  (a 4798 on the caller's own account is not enumeration)
--   $an1612_ignore_machine_account_4661  true
--   $an1612_ignore_machine_account_lookups  true  (4798/4799 by HOST$ or logon 0x3e7: WinRM, Group Policy)
--   $an1612_sam_policy_object_types  SAM_SERVER SAM_DOMAIN  (a burst of only these 4661 opens is a policy read)
--   $an1612_ds_object_classes      user, group, domainDNS, domain (4662 ObjectType: class GUID or name)
--   $an1612_ds_policy_classes      domainDNS, domain  (a burst of only these 4662 reads is a policy read)
--   $an1612_ds_min_objects             5   a burst of only 4662 must read this many distinct objects
--   $an1612_ignore_machine_account_4662  true  (domain controllers and members read the directory constantly)
--   $an1612_query_tool_patterns    AdFind, dsquery *, ldapsearch, Get-ADObject: tools whose query decides …
--   $an1612_query_subject_patterns … so they count only when the query names users, people, groups, members
--   $an1612_caller_max_age_s     86400   a caller named by pid started at most this long before its event
--   $unusual_launchers             Office apps, browsers, w3wp.exe, rundll32.exe, mshta.exe, wscript.exe
--   $lineage_max_depth             16
--   $allow_accounts $allow_tools $allow_hosts   the case's allowlist
--
-- How it reads: (1) collect signals of five kinds (commands, 4104, 4798/4799, 4661, 4662), (2) find their output artifacts, (3) cut each actor's
-- signals into bursts, (4) walk each signal process's parent chain, (5) one finding per burst.
-- (0) A process an event names only by pid (4798/4799's CallerProcessId, a 4104's header pid) is the
-- latest start of that pid on the same host, no older than $an1612_caller_max_age_s, in the event's own
-- logon session when the event names one (4798/4799's SubjectLogonId), and of the image the event names
-- (CallerProcessName). Pids are reused and a case may hold several recordings of one host: when no start
-- qualifies, the finding says the starting process is not in the logs (details.unresolvedCallers, and a
-- stub node as its lineage) rather than borrow another process's chain.
-- Not enumeration by default (the `seed` profile restores seed 000's rule): a 4798/4799 the machine itself
-- called (WinRM's and Group Policy's permission checks on every managed server), a burst of only 4661
-- opens of the SAM server or domain (a password-policy read, `net accounts`), and a query tool whose
-- query names no users, people, groups or members (AdFind/dsquery reading the domain policy or trusts).
-- A SID standing where a name should (a 4104's user when its process is not linked, a 4661's object
-- beyond the well-known RIDs) is named from the rest of the case (sid_account_names, migration 007):
-- details.sidNames lists each such SID with its name, or a null name when no event names it.
-- An actor is host + user: remote SAMR lookups open one network logon per call (real logs, R02), so
-- grouping by logon id alone would split one enumeration into many findings; logon ids are listed.

WITH
-- (1) Signals ----------------------------------------------------------------------------------
command_signals AS (
  SELECT 'process-start' AS role, p.source_id, p.record_no, p.record_id, p.event_id, p.host, p.host_key, p.ts,
         p.proc_key, p.pid, p.parent_pid, p.process_guid, p.parent_process_guid, p.parent_image_name,
         p.image_name AS tool, p.command_line, p.user_display AS actor_display, p.account_key AS actor_key,
         p.logon_id, NULL::VARCHAR AS enumerated_display, NULL::VARCHAR AS enumerated_key,
         NULL::VARCHAR AS script_path, NULL::STRUCT(image VARCHAR, pid BIGINT) AS unresolved_caller,
         NULL::STRUCT(class VARCHAR, name VARCHAR) AS directory_object
  FROM processes p
  WHERE regexp_matches(p.command_line, any_regex($an1612_command_patterns))
    AND NOT regexp_matches(p.command_line, any_regex($an1612_command_exclusions))
    -- a query tool (AdFind, dsquery *, ldapsearch, Get-ADObject) counts only when its query names accounts
    AND (NOT regexp_matches(p.command_line, any_regex($an1612_query_tool_patterns))
         OR regexp_matches(p.command_line, any_regex($an1612_query_subject_patterns)))
),
script_events AS (
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.host, e.ts, e.exec_pid, e.user_sid, e.script_text,
         e.data->>'Path' AS script_path   -- read for matching blocks only
  FROM win_events e
  WHERE e.event_id = 4104 AND regexp_matches(e.script_text, any_regex($an1612_script_patterns))
    AND (NOT regexp_matches(e.script_text, any_regex($an1612_query_tool_patterns))
         OR regexp_matches(e.script_text, any_regex($an1612_query_subject_patterns)))
),
script_callers AS (   -- the PowerShell process that ran the block: its pid from the event header (see (0))
  SELECT e.source_id, e.record_no, p.proc_key, p.pid, p.parent_pid, p.process_guid, p.parent_process_guid,
         p.parent_image_name, p.image_name, p.user_display, p.account_key, p.logon_id
  FROM script_events e
  JOIN processes p
    ON p.host_key = lower(e.host) AND p.pid = e.exec_pid AND p.ts <= e.ts
   AND e.ts - p.ts <= to_seconds($an1612_caller_max_age_s)
  QUALIFY row_number() OVER (PARTITION BY e.source_id, e.record_no ORDER BY p.ts DESC, p.proc_key DESC) = 1
),
script_signals AS (
  SELECT 'script-block' AS role, e.source_id, e.record_no, e.record_id, e.event_id, e.host, lower(e.host), e.ts,
         p.proc_key, coalesce(p.pid, e.exec_pid), p.parent_pid, p.process_guid, p.parent_process_guid,
         p.parent_image_name, coalesce(p.image_name, 'powershell.exe'), left(e.script_text, 400),
         coalesce(p.user_display, e.user_sid), coalesce(p.account_key, lower(e.user_sid)), p.logon_id,
         NULL, NULL, e.script_path,
         CASE WHEN p.proc_key IS NULL AND coalesce(e.exec_pid, 0) <> 0 THEN {'image': NULL::VARCHAR, 'pid': e.exec_pid} END,
         NULL
  FROM script_events e
  LEFT JOIN script_callers p ON p.source_id = e.source_id AND p.record_no = e.record_no
),
lookup_events AS (
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.host, e.ts, e.caller_pid, e.caller_image,
         e.subject_user, e.subject_domain, e.subject_sid, e.subject_logon_id, e.target_user, e.target_domain,
         e.target_sid
  FROM win_events e
  WHERE e.event_id IN (4798, 4799)
    AND NOT ($an1612_ignore_self_lookups AND e.event_id = 4798 AND e.target_sid = e.subject_sid)
    -- the machine itself (HOST$, SYSTEM's logon 0x3e7): WinRM's and Group Policy's own permission checks
    AND NOT ($an1612_ignore_machine_account_lookups
             AND (is_machine_account(e.subject_user) OR coalesce(e.subject_logon_id = 999, false)))
),
lookup_callers AS (   -- the caller's start, when one qualifies (see (0))
  SELECT e.source_id, e.record_no, p.proc_key, p.pid, p.parent_pid, p.process_guid, p.parent_process_guid,
         p.parent_image_name, p.image_name, p.command_line
  FROM lookup_events e
  JOIN processes p
    ON p.host_key = lower(e.host) AND p.pid = e.caller_pid AND p.ts <= e.ts
   AND e.ts - p.ts <= to_seconds($an1612_caller_max_age_s)
  WHERE (coalesce(e.subject_logon_id, 0) = 0 OR p.logon_id = e.subject_logon_id)
    AND (blank_name(e.caller_image) OR p.image_name = image_basename(e.caller_image))
  QUALIFY row_number() OVER (PARTITION BY e.source_id, e.record_no ORDER BY p.ts DESC, p.proc_key DESC) = 1
),
lookup_signals AS (   -- 4798/4799 name their caller process: linked to its start when one qualifies
  SELECT CASE e.event_id WHEN 4798 THEN 'user-lookup' ELSE 'group-lookup' END, e.source_id, e.record_no,
         e.record_id, e.event_id, e.host, lower(e.host), e.ts,
         p.proc_key, coalesce(p.pid, e.caller_pid), p.parent_pid, p.process_guid, p.parent_process_guid,
         p.parent_image_name, coalesce(p.image_name, image_basename(nullif(e.caller_image, '-'))),
         p.command_line,
         account_display(e.subject_user, e.subject_domain), account_key(e.subject_user, e.subject_domain),
         e.subject_logon_id,
         account_display(e.target_user, e.target_domain), account_key(e.target_user, e.target_domain), NULL,
         CASE WHEN p.proc_key IS NULL AND (coalesce(e.caller_pid, 0) <> 0 OR NOT blank_name(e.caller_image))
              THEN {'image': CASE WHEN NOT blank_name(e.caller_image) THEN e.caller_image END,
                    'pid': nullif(e.caller_pid, 0)} END,
         NULL
  FROM lookup_events e
  LEFT JOIN lookup_callers p ON p.source_id = e.source_id AND p.record_no = e.record_no
),
sam_signals AS (   -- 4661 on a domain controller: the SAM object a user opened
  SELECT CASE WHEN list_contains($an1612_sam_policy_object_types, e.object_type) THEN 'sam-policy'
              ELSE 'sam-object' END, e.source_id, e.record_no, e.record_id, e.event_id, e.host, lower(e.host), e.ts,
         NULL::BIGINT, NULL::BIGINT, NULL::BIGINT, NULL, NULL, NULL, NULL, NULL,
         account_display(e.subject_user, e.subject_domain), account_key(e.subject_user, e.subject_domain),
         e.subject_logon_id,
         CASE WHEN e.object_type <> 'SAM_DOMAIN' THEN sam_object_label(e.object_name) END,
         CASE WHEN e.object_type <> 'SAM_DOMAIN'
              THEN lower(coalesce(well_known_rid_name(TRY_CAST(regexp_extract(e.object_name, '-([0-9]+)$', 1) AS INTEGER)),
                                  e.object_name)) END,
         NULL, NULL, NULL
  FROM win_events e
  WHERE e.event_id = 4661 AND list_contains($an1612_sam_object_types, e.object_type)
    AND NOT ($an1612_ignore_machine_account_4661 AND is_machine_account(e.subject_user))
),
ds_events AS (   -- 4662 on a domain controller: an operation on a directory object of a listed class
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, e.host, e.ts, e.subject_user, e.subject_domain,
         e.subject_logon_id, e.object_name,
         CASE lower(trim(e.object_type, '%{} '))
           WHEN 'bf967aba-0de6-11d0-a285-00aa003049e2' THEN 'user'
           WHEN 'bf967a9c-0de6-11d0-a285-00aa003049e2' THEN 'group'
           WHEN '19195a5b-6da0-11d0-afd3-00c04fd930c9' THEN 'domainDNS'
           WHEN '19195a5a-6da0-11d0-afd3-00c04fd930c9' THEN 'domain'
           ELSE trim(e.object_type, '%{} ')
         END AS object_class
  FROM win_events e
  WHERE e.event_id = 4662
    AND list_contains(list_transform($an1612_ds_object_classes, c -> lower(c)), lower(trim(e.object_type, '%{} ')))
    AND NOT ($an1612_ignore_machine_account_4662 AND is_machine_account(e.subject_user))
),
ds_signals AS (   -- one signal per 4662: LDAP reads of users and groups (SharpHound, CrackMapExec, PowerView)
  SELECT CASE WHEN list_contains(list_transform($an1612_ds_policy_classes, c -> lower(c)), lower(e.object_class))
              THEN 'ds-policy' ELSE 'ds-object' END,
         e.source_id, e.record_no, e.record_id, e.event_id, e.host, lower(e.host), e.ts,
         NULL::BIGINT, NULL::BIGINT, NULL::BIGINT, NULL, NULL, NULL, NULL, NULL,
         account_display(e.subject_user, e.subject_domain), account_key(e.subject_user, e.subject_domain),
         e.subject_logon_id, NULL, NULL, NULL, NULL,
         {'class': e.object_class, 'name': trim(e.object_name, '%{} ')}
  FROM ds_events e
),
-- SIDs that stand where a name should (a 4104's user, a 4661's object), named from the rest of the case
named_sids AS MATERIALIZED (
  SELECT * FROM sid_account_names((
    SELECT list(DISTINCT sid) FROM (
      SELECT user_sid AS sid FROM script_events
      UNION ALL SELECT object_name FROM win_events WHERE event_id = 4661
    ) WHERE regexp_matches(sid, '^S-1-[0-9-]+$')))
),
signals AS MATERIALIZED (
  SELECT s.* REPLACE (
           coalesce(an.display, s.actor_display) AS actor_display,
           coalesce(an.account_key, s.actor_key) AS actor_key,
           coalesce(en.display, s.enumerated_display) AS enumerated_display,
           coalesce(en.account_key, s.enumerated_key) AS enumerated_key),
         list_filter([
           CASE WHEN regexp_matches(s.actor_display, '^S-1-[0-9-]+$')
                THEN {'sid': s.actor_display, 'name': an.display} END,
           CASE WHEN regexp_matches(s.enumerated_display, '^S-1-[0-9-]+$')
                THEN {'sid': s.enumerated_display, 'name': en.display} END], x -> x IS NOT NULL) AS sid_names,
         -- accounts and groups a command names: `net user bob`, `net localgroup "Remote Desktop Users"`, `Get-ADUser bob`
         coalesce(en.display, s.enumerated_display,
           nullif(regexp_extract(s.command_line, '(?i)\bnet1?(?:\.exe)?"?\s+(?:users?|groups?|localgroups?)\s+(?:"([^"]+)"|([^\s/"<>|&]+))', 1), ''),
           nullif(regexp_extract(s.command_line, '(?i)\bnet1?(?:\.exe)?"?\s+(?:users?|groups?|localgroups?)\s+(?:"([^"]+)"|([^\s/"<>|&]+))', 2), ''),
           nullif(regexp_extract(s.command_line, '(?i)\bget-(?:localuser|localgroupmember|aduser|adgroupmember|netuser|domainuser)\s+(?:-(?:name|group|identity)\s+)?(?:"([^"]+)"|''([^'']+)''|([^\s"''|;$(@{-][^\s"''|;]*))', 1), ''),
           nullif(regexp_extract(s.command_line, '(?i)\bget-(?:localuser|localgroupmember|aduser|adgroupmember|netuser|domainuser)\s+(?:-(?:name|group|identity)\s+)?(?:"([^"]+)"|''([^'']+)''|([^\s"''|;$(@{-][^\s"''|;]*))', 2), ''),
           nullif(regexp_extract(s.command_line, '(?i)\bget-(?:localuser|localgroupmember|aduser|adgroupmember|netuser|domainuser)\s+(?:-(?:name|group|identity)\s+)?(?:"([^"]+)"|''([^'']+)''|([^\s"''|;$(@{-][^\s"''|;]*))', 3), '')
         ) AS named_account,
         s.role IN ('sam-object', 'sam-policy', 'ds-object', 'ds-policy')
           OR coalesce(regexp_matches(s.command_line, any_regex($an1612_domain_wide_patterns)), false) AS domain_wide,
         s.role IN ('process-start', 'script-block') OR s.proc_key IS NOT NULL AS has_process,
         s.host_key || '|' || coalesce(an.account_key, s.actor_key, 'logon ' || hex_logon_id(s.logon_id), '?')
           AS actor_group,
         {'source': src.sha256, 'table': 'win_events', 'recordNo': s.record_no, 'recordId': s.record_id,
          'eventId': s.event_id, 'time': iso_utc(s.ts), 'role': replace(replace(s.role, 'sam-policy', 'sam-object'), 'ds-policy', 'ds-object')}
           AS evidence_ref
  FROM (SELECT * FROM command_signals UNION ALL SELECT * FROM script_signals
        UNION ALL SELECT * FROM lookup_signals UNION ALL SELECT * FROM sam_signals
        UNION ALL SELECT * FROM ds_signals) s
  JOIN sources src ON src.source_id = s.source_id
  LEFT JOIN named_sids an ON an.sid = upper(s.actor_display)
  LEFT JOIN named_sids en ON en.sid = upper(s.enumerated_display)
),

-- (2) Artifacts: the enumeration's structured output -------------------------------------------
command_artifacts AS (
  SELECT s.source_id, s.record_no, 'redirect' AS kind, r.target AS path, s.ts, NULL AS evidence_ref
  FROM signals s, unnest(regexp_extract_all(s.command_line, $an1612_redirect_pattern, 1)) AS r(target)
  WHERE s.role = 'process-start' AND lower(r.target) NOT IN ('nul', 'con', '$null')
  UNION ALL
  SELECT s.source_id, s.record_no, 'export', regexp_extract(s.command_line, any_regex($an1612_export_patterns), 0),
         s.ts, NULL
  FROM signals s
  WHERE s.role = 'process-start' AND regexp_matches(s.command_line, any_regex($an1612_export_patterns))
),
file_events AS (   -- Sysmon 11: a list-shaped file was created
  SELECT e.source_id, e.record_no, e.record_id, e.event_id, lower(e.host) AS host_key, e.ts, e.pid,
         e.process_guid, e.object_name AS path
  FROM win_events e
  WHERE e.event_id = 11 AND is_sysmon(e.provider, e.channel)
    AND list_contains($an1612_artifact_extensions, lower(regexp_extract(e.object_name, '\.[^.\\/]*$')))
),
file_artifacts AS (   -- written by the signal process itself, or by the shell that started it
  SELECT s.source_id, s.record_no, 'file' AS kind, f.path, f.ts,
         {'source': src.sha256, 'table': 'win_events', 'recordNo': f.record_no, 'recordId': f.record_id,
          'eventId': f.event_id, 'time': iso_utc(f.ts), 'role': 'artifact'} AS evidence_ref
  FROM signals s
  JOIN file_events f
    ON f.host_key = s.host_key AND f.ts >= s.ts - to_seconds($an1612_artifact_lead_s)
   AND f.ts <= s.ts + to_seconds($an1612_artifact_window_s)
  JOIN sources src ON src.source_id = f.source_id
  WHERE s.has_process AND
    CASE WHEN f.process_guid IS NOT NULL AND s.process_guid IS NOT NULL
         THEN f.process_guid = s.process_guid
              OR (f.process_guid = s.parent_process_guid AND list_contains($an1612_parent_shells, s.parent_image_name))
         ELSE f.pid = s.pid OR (f.pid = s.parent_pid AND list_contains($an1612_parent_shells, s.parent_image_name))
    END
),
artifacts AS (SELECT * FROM command_artifacts UNION ALL SELECT * FROM file_artifacts),

-- (3) Bursts: a new one starts when the actor was quiet for longer than the burst window ---------
ordered AS (
  SELECT s.*,
         CASE WHEN s.ts - lag(s.ts) OVER actor_time <= to_seconds($an1612_burst_window_s) THEN 0 ELSE 1 END AS starts_burst
  FROM signals s
  WINDOW actor_time AS (PARTITION BY s.actor_group ORDER BY s.ts, s.source_id, s.record_no)
),
bursts AS (
  SELECT o.*, sum(o.starts_burst) OVER (PARTITION BY o.actor_group ORDER BY o.ts, o.source_id, o.record_no
                                         ROWS UNBOUNDED PRECEDING) AS burst_no
  FROM ordered o
),

-- (4) Parent chains of every signal process ------------------------------------------------------
chain_nodes AS (
  SELECT * FROM process_ancestry((SELECT list(DISTINCT proc_key) FROM signals WHERE proc_key IS NOT NULL),
                                 $lineage_max_depth)
),
chains AS (
  SELECT start_key AS proc_key, count(*) AS chain_length,
         list(command_line) FILTER (WHERE command_line IS NOT NULL) AS chain_commands,
         array_to_string(list_transform(list_reverse_sort(list({'depth': depth, 'name': coalesce(image_name, '?')})),
                                        e -> e.name), ' → ') AS chain_text,
         -- the first unusual launcher above the process (depth 0 is the process itself)
         min_by(image_name, depth) FILTER (WHERE depth > 0 AND list_contains($unusual_launchers, image_name))
           AS unusual_launcher,
         -- root first. (Sorting a list of (depth, node) pairs is several times faster than list(… ORDER BY …)
         -- over tens of thousands of small groups.)
         list_transform(list_reverse_sort(list({'depth': depth, 'node': {
             'host': host, 'time': iso_utc(ts), 'pid': pid, 'image': image, 'commandLine': command_line,
             'user': user_display, 'stub': stub}})), e -> e.node) AS lineage
  FROM chain_nodes
  GROUP BY start_key
),

-- (5) One finding per burst ---------------------------------------------------------------------
artifacts_by_signal AS (
  SELECT source_id, record_no,
         list({'kind': kind, 'path': path, 'time': iso_utc(ts)}) AS own_artifacts,
         list(evidence_ref) FILTER (WHERE evidence_ref IS NOT NULL) AS artifact_evidence
  FROM artifacts GROUP BY source_id, record_no
),
burst_rows AS (
  SELECT b.*, c.chain_length, c.unusual_launcher, c.lineage, c.chain_text, a.own_artifacts, a.artifact_evidence,
         allowlisted_tool(b.tool, list_concat(coalesce(c.chain_commands, [b.command_line]), [b.script_path]),
                          $allow_tools) AS tool_entry
  FROM bursts b
  LEFT JOIN chains c ON c.proc_key = b.proc_key
  LEFT JOIN artifacts_by_signal a ON a.source_id = b.source_id AND a.record_no = b.record_no
),
grouped AS (
  SELECT actor_group, burst_no,
    min(ts) AS first_ts, max(ts) AS last_ts, min(host) AS host, min(host_key) AS host_key,
    arg_min(actor_display, ts) AS actor_display, arg_min(actor_key, ts) AS actor_key,
    arg_min(logon_id, ts) AS first_logon_id,
    coalesce(list_sort(list(DISTINCT hex_logon_id(logon_id)) FILTER (WHERE logon_id IS NOT NULL)), []) AS logon_ids,
    list_sort(list(DISTINCT replace(replace(role, 'sam-policy', 'sam-object'), 'ds-policy', 'ds-object')))
      AS signal_kinds,
    -- only 4661 opens of the SAM server or domain, or 4662 reads of the domain object: a password-policy read
    bool_and(role IN ('sam-policy', 'ds-policy')) AS policy_read_only,
    -- only 4662, on fewer directory objects than an enumeration reads
    bool_and(role IN ('ds-object', 'ds-policy')) AS directory_only,
    count(DISTINCT directory_object.name)::INTEGER AS directory_objects,
    coalesce(list_sort(list(DISTINCT directory_object.class) FILTER (WHERE directory_object IS NOT NULL)), [])
      AS directory_classes,
    list_sort(list_distinct(flatten(list(sid_names)))) AS sid_names,
    count(*)::INTEGER AS signal_count,
    coalesce(list_sort(list(DISTINCT command_line) FILTER (WHERE role = 'process-start')), []) AS commands,
    coalesce(list_sort(list(DISTINCT tool) FILTER (WHERE tool IS NOT NULL)), []) AS tools,
    coalesce(list_distinct(flatten(list(own_artifacts) FILTER (WHERE own_artifacts IS NOT NULL))), [])
      AS artifact_list,
    -- sorted, so a run names the accounts in the same order every time (and an .evtx and its XML agree)
    list_sort(list(DISTINCT {'key': coalesce(enumerated_key, account_key(named_account, NULL)),
                             'display': named_account, 'role': 'enumerated'}) FILTER (WHERE named_account IS NOT NULL))
      AS accounts,
    bool_or(domain_wide) AS domain_wide,
    bool_or(has_process) AS has_process,
    min(unusual_launcher) AS unusual_launcher,
    -- the longest chain; of equally long ones, the first signal's (so a run gives the same chain every time)
    arg_max(lineage, {'length': coalesce(chain_length, 0), 'earlier': -epoch_us(ts), 'record': -record_no})
      AS lineage,
    -- callers named by their events whose start is not in the logs (or not in the event's session)
    coalesce(list_sort(list(DISTINCT unresolved_caller) FILTER (WHERE unresolved_caller IS NOT NULL)), [])
      AS unresolved_callers,
    arg_min({'host': host, 'time': iso_utc(ts), 'pid': unresolved_caller.pid, 'image': unresolved_caller.image,
             'commandLine': NULL::VARCHAR, 'user': NULL::VARCHAR, 'stub': true}, ts)
      FILTER (WHERE unresolved_caller IS NOT NULL) AS caller_stub,
    coalesce(list_sort(list(DISTINCT chain_text) FILTER (WHERE chain_text IS NOT NULL)), []) AS process_chains,
    bool_and(tool IS NULL OR tool_entry IS NOT NULL) AS tools_allowlisted,
    list(DISTINCT tool_entry) FILTER (WHERE tool_entry IS NOT NULL) AS tool_entries,
    list_concat(list_transform(list_sort(list({'ts': ts, 'source_id': source_id, 'record_no': record_no,
                                               'ref': evidence_ref})), e -> e.ref),
                coalesce(flatten(list(artifact_evidence) FILTER (WHERE artifact_evidence IS NOT NULL)), []))
      AS evidence
  FROM burst_rows
  GROUP BY actor_group, burst_no
),
actor_sessions AS (   -- where the actor came from: the latest logon of that id on that host before the burst
  SELECT g.actor_group, g.burst_no, s.ip, s.workstation, s.logon_type
  FROM grouped g
  JOIN logon_sessions s ON s.host_key = g.host_key AND s.logon_id = g.first_logon_id AND s.start_ts <= g.first_ts
  QUALIFY row_number() OVER (PARTITION BY g.actor_group, g.burst_no ORDER BY s.start_ts DESC, s.session_key DESC) = 1
),
scored AS (
  SELECT g.*,
    len(g.artifact_list) > 0 AS has_artifact,
    s.ip AS source_ip, s.workstation AS source_workstation, s.logon_type,
    allowlisted_host(g.host, $allow_hosts) AS allow_host,
    allowlisted_account(g.actor_key, $allow_accounts) AS allow_account
  FROM grouped g
  LEFT JOIN actor_sessions s USING (actor_group, burst_no)
)
SELECT
  'AN1612|' || actor_group || '|' || iso_utc(first_ts) AS finding_key,
  CASE
    WHEN allow_host IS NOT NULL OR (allow_account IS NOT NULL AND tools_allowlisted) THEN 'low'
    WHEN (domain_wide AND has_artifact) OR unusual_launcher IS NOT NULL THEN 'high'
    ELSE 'medium'
  END AS severity,
  CASE WHEN has_process AND has_artifact THEN 'high' WHEN has_process THEN 'medium' ELSE 'low' END AS confidence,
  iso_utc(first_ts) AS first_time, iso_utc(last_ts) AS last_time,
  [host] AS hosts,
  coalesce(accounts, []) AS accounts,
  actor_display AS actor_user, logon_ids[1] AS actor_logon_id, remote_ip(source_ip) AS actor_source_ip,
  coalesce(lineage, CASE WHEN caller_stub IS NOT NULL THEN [caller_stub] END, []) AS lineage,
  evidence,
  CASE WHEN allow_host IS NOT NULL THEN 'host'
       WHEN allow_account IS NOT NULL AND tools_allowlisted THEN 'account' END AS allowlisted_kind,
  CASE WHEN allow_host IS NOT NULL THEN [allow_host]
       WHEN allow_account IS NOT NULL AND tools_allowlisted
         THEN list_prepend(allow_account, coalesce(tool_entries, [])) END
    AS allowlisted_values,
  {'signalKinds': signal_kinds, 'signalCount': signal_count, 'commands': commands, 'tools': tools,
   'artifacts': artifact_list, 'processChains': process_chains, 'domainWide': domain_wide, 'hasProcess': has_process,
   'unusualLauncher': unusual_launcher, 'logonIds': logon_ids, 'sourceWorkstation': source_workstation,
   'logonType': logon_type, 'unresolvedCallers': unresolved_callers,
   'directoryObjects': directory_objects, 'directoryClasses': directory_classes, 'sidNames': sid_names} AS details
FROM scored
WHERE NOT policy_read_only AND NOT (directory_only AND directory_objects < $an1612_ds_min_objects)
ORDER BY first_ts, actor_group;
