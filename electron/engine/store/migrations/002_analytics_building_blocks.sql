-- 002: the building blocks every analytic shares (detections.md, "Common building blocks").
--
-- Pure logic lives here as macros, so the SQL console and a trainer see exactly what the analytics use.
-- Two building blocks are views that compute everything live, on any connection:
--   processes      one row per process start (Security 4688 and Sysmon 1), with its parent already resolved
--   logon_sessions one row per 4624 logon, with its end (4634/4647) when logged
-- Computing them takes joins over every process start and logon (about a second per million events), and
-- each analytic reads them several times, so the analytics runner snapshots both into TEMP tables of the
-- same names on its own connection for the length of a run (electron/engine/analytics/
-- refreshDerivedTables.ts); a temp table shadows the view for that connection only. Temp, because writing them into the case file measured
-- five times slower than the joins themselves. The views process_links and accounts, and the lineage
-- macros, read whichever `processes` the connection sees.

-- ---------------------------------------------------------------------------------------------
-- Names: one key per account. `CORP\alice`, `alice@corp.local` and `alice` with domain CORP all
-- become `corp\alice` (domains compare by their first DNS label, case-insensitively). A name with no
-- domain keeps just the lower-case name. Machine accounts keep their trailing `$`; an account named
-- exactly `$` (seen in real logs) is an ordinary name here.
-- ---------------------------------------------------------------------------------------------

CREATE MACRO blank_name(s) AS (s IS NULL OR trim(s) IN ('', '-'));

CREATE MACRO first_label(s) AS lower(split_part(trim(s), '.', 1));

-- The account part of a name written as DOMAIN\name, name@domain or plain name.
CREATE MACRO account_name_part(name) AS
  CASE
    WHEN strpos(name, '\') > 0 THEN substr(name, strpos(name, '\') + 1)
    WHEN strpos(name, '@') > 1 THEN substr(name, 1, length(name) - strpos(reverse(name), '@'))
    ELSE name
  END;

-- The domain written inside the name, else the separate domain field.
CREATE MACRO account_domain_part(name, domain) AS
  CASE
    WHEN strpos(name, '\') > 0 THEN substr(name, 1, strpos(name, '\') - 1)
    WHEN strpos(name, '@') > 1 THEN substr(name, length(name) - strpos(reverse(name), '@') + 2)
    WHEN blank_name(domain) THEN NULL
    ELSE domain
  END;

CREATE MACRO account_key(name, domain) AS
  CASE
    WHEN blank_name(name) THEN NULL
    WHEN blank_name(account_domain_part(trim(name), domain)) THEN lower(account_name_part(trim(name)))
    ELSE first_label(account_domain_part(trim(name), domain)) || '\' || lower(account_name_part(trim(name)))
  END;

-- The name as the logs wrote it, for display.
CREATE MACRO account_display(name, domain) AS
  CASE
    WHEN blank_name(name) THEN NULL
    WHEN strpos(name, '\') > 0 OR strpos(name, '@') > 1 OR blank_name(domain) THEN name
    ELSE domain || '\' || name
  END;

CREATE MACRO is_machine_account(name) AS (length(name) > 1 AND ends_with(name, '$'));

-- The token a command line would use for an account: lower case, without the trailing `$` (hidden
-- accounts are created as `name$` by commands that say `name`). NULL when too short to mean anything.
CREATE MACRO account_match_token(name) AS
  CASE WHEN length(rtrim(lower(account_name_part(name)), '$')) >= 2 THEN rtrim(lower(account_name_part(name)), '$') END;

-- True when the command line names the account as a word of its own (so `bob` does not match `bobby`).
CREATE MACRO command_names_account(command_line, token) AS
  coalesce(
    token IS NOT NULL AND contains(lower(command_line), token)
    AND regexp_matches(lower(command_line), '(^|[^a-z0-9_.-])' || regexp_escape(token) || '\$?($|[^a-z0-9_-])'),
    false);

-- ---------------------------------------------------------------------------------------------
-- Codes, paths, times
-- ---------------------------------------------------------------------------------------------

-- Hex codes compare by value: '0x6', '0x00000006' and '0X6' are all '0x6'.
CREATE MACRO hex_code(s) AS
  CASE
    WHEN s IS NULL OR trim(s) = '' THEN NULL
    ELSE '0x' || coalesce(nullif(ltrim(regexp_replace(lower(trim(s)), '^0x', ''), '0'), ''), '0')
  END;

CREATE MACRO hex_codes(list) AS list_transform(list, c -> hex_code(c));

CREATE MACRO hex_logon_id(n) AS CASE WHEN n IS NOT NULL THEN '0x' || lower(printf('%x', n)) END;

CREATE MACRO image_basename(path) AS lower(split_part(replace(path, '/', '\'), '\', -1));

-- The image's folder path without drive or device prefix, lower case: '\windows\system32\net.exe'.
CREATE MACRO image_folder_path(path) AS
  regexp_replace(lower(path), '^(\\\\\?\\|\\\?\?\\)?([a-z]:|\\device\\harddiskvolume[0-9]+)', '');

-- One case-insensitive regular expression out of a list of alternatives; a list that is empty matches nothing.
CREATE MACRO any_regex(list) AS
  CASE WHEN len(list) = 0 THEN '[^\s\S]' ELSE '(?i)(' || array_to_string(list, ')|(') || ')' END;

CREATE MACRO iso_utc(ts) AS strftime(ts, '%Y-%m-%dT%H:%M:%S.%fZ');

-- One BIGINT per record: which file and which record in it. Used as the key of processes and sessions.
CREATE MACRO event_key(source_id, record_no) AS (source_id::BIGINT * 1099511627776 + record_no);

CREATE MACRO is_sysmon(provider, channel) AS
  (provider = 'Microsoft-Windows-Sysmon' OR channel = 'Microsoft-Windows-Sysmon/Operational');

-- Names of well-known RIDs, so a 4661 on a SID reads as 'Domain Admins (RID 512)'.
CREATE MACRO well_known_rid_name(rid) AS
  CASE rid
    WHEN 500 THEN 'Administrator' WHEN 501 THEN 'Guest' WHEN 502 THEN 'krbtgt'
    WHEN 512 THEN 'Domain Admins' WHEN 513 THEN 'Domain Users' WHEN 514 THEN 'Domain Guests'
    WHEN 515 THEN 'Domain Computers' WHEN 516 THEN 'Domain Controllers' WHEN 518 THEN 'Schema Admins'
    WHEN 519 THEN 'Enterprise Admins' WHEN 520 THEN 'Group Policy Creator Owners'
    WHEN 544 THEN 'Administrators' WHEN 545 THEN 'Users' WHEN 546 THEN 'Guests'
    WHEN 548 THEN 'Account Operators' WHEN 549 THEN 'Server Operators' WHEN 550 THEN 'Print Operators'
    WHEN 551 THEN 'Backup Operators' WHEN 555 THEN 'Remote Desktop Users' WHEN 580 THEN 'Remote Management Users'
  END;

CREATE MACRO sam_object_label(object_name) AS
  CASE
    WHEN regexp_matches(object_name, '^S-1-[0-9-]+-([0-9]+)$')
      AND well_known_rid_name(regexp_extract(object_name, '-([0-9]+)$', 1)::INTEGER) IS NOT NULL
      THEN well_known_rid_name(regexp_extract(object_name, '-([0-9]+)$', 1)::INTEGER)
        || ' (RID ' || regexp_extract(object_name, '-([0-9]+)$', 1) || ')'
    ELSE object_name
  END;

-- ---------------------------------------------------------------------------------------------
-- Allowlists
-- ---------------------------------------------------------------------------------------------

-- Allowlist entries are matched with the same keys: an entry without a domain matches the name in any domain.
CREATE MACRO account_matches_entry(key, entry) AS
  CASE
    WHEN key IS NULL OR account_key(entry, NULL) IS NULL THEN false
    WHEN strpos(account_key(entry, NULL), '\') > 0 THEN key = account_key(entry, NULL)
    ELSE account_name_part(key) = account_key(entry, NULL)
  END;

CREATE MACRO allowlisted_account(key, entries) AS list_filter(entries, e -> account_matches_entry(key, e))[1];

-- A tool entry is an image name (`net.exe`), a full path, or a script (`C:\Scripts\Provision.ps1`). It
-- matches a process whose image it names, or whose command line, or any parent's, contains it: a
-- provisioning script runs net.exe, and that net.exe is the script's work.
CREATE MACRO allowlisted_tool(image, chain_command_lines, entries) AS
  list_filter(entries, e -> trim(e) <> '' AND (
    lower(e) = lower(image) OR lower(e) = image_basename(image)
    OR len(list_filter(chain_command_lines, c -> contains(lower(c), lower(trim(e))))) > 0))[1];

-- A host entry matches the full name or its first label (`WS01` matches `ws01.corp.local`).
CREATE MACRO allowlisted_host(host, entries) AS
  list_filter(entries, e -> lower(e) = lower(host) OR first_label(e) = first_label(host))[1];

CREATE MACRO allowlisted_ip(ip, entries) AS list_filter(entries, e -> lower(trim(e)) = lower(ip))[1];

-- A source address worth showing: not empty, not a placeholder, not the machine talking to itself.
CREATE MACRO remote_ip(ip) AS CASE WHEN ip IS NULL OR trim(ip) IN ('', '-', '127.0.0.1', '::1', '0.0.0.0') THEN NULL ELSE ip END;

-- ---------------------------------------------------------------------------------------------
-- Process starts and their parents
-- ---------------------------------------------------------------------------------------------

-- 4688 and Sysmon 1 as one shape. 4688's process runs in TargetLogonId when Windows logged one
-- (version 2, a different token), else in the creator's SubjectLogonId. Sysmon's `User` (DOMAIN\name)
-- and `LogonId` arrive split into the subject columns (readers/windowsXml/commonFields.ts): the `data`
-- JSON is never read here, because scanning it for every process start costs more than everything else.
CREATE MACRO process_starts() AS TABLE
  SELECT
    event_key(e.source_id, e.record_no) AS proc_key,
    e.source_id, e.record_no, e.record_id, e.event_id,
    e.host, lower(e.host) AS host_key, e.ts,
    e.pid, e.parent_pid, e.image, image_basename(e.image) AS image_name, e.command_line,
    CASE
      WHEN e.event_id = 4688 AND NOT blank_name(e.target_user) AND coalesce(e.target_logon_id, 0) <> 0
        THEN account_display(e.target_user, e.target_domain)
      WHEN NOT blank_name(e.subject_user) THEN account_display(e.subject_user, e.subject_domain)
    END AS user_display,
    CASE
      WHEN e.event_id = 4688 AND coalesce(e.target_logon_id, 0) <> 0 THEN e.target_logon_id
      ELSE e.subject_logon_id
    END AS logon_id,
    e.process_guid, e.parent_process_guid,
    e.parent_image AS logged_parent_image
  FROM win_events e
  WHERE e.event_id = 4688 OR (e.event_id = 1 AND is_sysmon(e.provider, e.channel));

-- Each start's parent. Sysmon: by ProcessGuid. Otherwise (4688, or a Sysmon parent GUID that is not in
-- the logs): the latest start on the same host with pid = this event's parent pid, at or before the
-- child, and not older than max_parent_age (Windows reuses pids). The ASOF join resolves every parent
-- in one sorted pass; a recursive walk that matched pids at each step once spilled 32 GB (design.md).
-- When neither finds the parent, the row keeps the parent's pid and image from its own event: a stub.
CREATE MACRO resolve_processes(max_parent_age := INTERVAL 7 DAY) AS TABLE
  WITH starts AS MATERIALIZED (SELECT * FROM process_starts()),
  -- Links are computed on narrow rows: an ASOF join carries every column it is given through its sort,
  -- and command lines made it 5x slower on a million events.
  keys AS MATERIALIZED (
    SELECT proc_key, host_key, ts, pid, parent_pid, process_guid, parent_process_guid, image FROM starts
  ),
  by_guid AS (
    SELECT c.proc_key, max(p.proc_key) AS parent_key
    FROM keys c JOIN keys p
      ON p.process_guid = c.parent_process_guid AND p.host_key = c.host_key AND p.proc_key <> c.proc_key
    WHERE c.parent_process_guid IS NOT NULL
    GROUP BY c.proc_key
  ),
  by_pid AS (
    SELECT c.proc_key, p.proc_key AS parent_key
    FROM keys c ASOF JOIN keys p
      ON p.host_key = c.host_key AND p.pid = c.parent_pid AND c.ts >= p.ts
    WHERE c.parent_pid IS NOT NULL AND c.ts - p.ts <= max_parent_age AND p.proc_key <> c.proc_key
  ),
  -- a few hundred users start hundreds of thousands of processes: key each spelling once
  user_keys AS (
    SELECT user_display, account_key(user_display, NULL) AS account_key
    FROM (SELECT DISTINCT user_display FROM starts WHERE user_display IS NOT NULL)
  )
  -- The wide rows only stream through (probe side); every table the joins build is narrow.
  SELECT
    s.proc_key, s.source_id, s.record_no, s.record_id, s.event_id, s.host, s.host_key, s.ts,
    s.pid, s.parent_pid, s.image, s.image_name, s.command_line, s.user_display, u.account_key, s.logon_id,
    s.process_guid, s.parent_process_guid,
    coalesce(g.parent_key, b.parent_key) AS parent_key,
    CASE WHEN g.parent_key IS NOT NULL THEN 'guid' WHEN b.parent_key IS NOT NULL THEN 'pid-time' END AS link_method,
    coalesce(s.logged_parent_image, p.image) AS parent_image,
    image_basename(coalesce(s.logged_parent_image, p.image)) AS parent_image_name,
    (g.parent_key IS NULL AND b.parent_key IS NULL
      AND (s.parent_pid IS NOT NULL OR s.parent_process_guid IS NOT NULL OR s.logged_parent_image IS NOT NULL))
      AS parent_is_stub
  FROM starts s
  LEFT JOIN by_guid g ON g.proc_key = s.proc_key
  LEFT JOIN by_pid b ON b.proc_key = s.proc_key
  LEFT JOIN (SELECT proc_key, image FROM keys) p ON p.proc_key = coalesce(g.parent_key, b.parent_key)
  LEFT JOIN user_keys u ON u.user_display = s.user_display;

CREATE VIEW processes AS SELECT * FROM resolve_processes();

-- The parent links as an edge list; a stub parent has no parent_key but keeps pid and image.
CREATE VIEW process_links AS
  SELECT host, proc_key AS child_key, ts AS child_ts, parent_key, link_method, parent_is_stub,
         parent_pid, parent_process_guid, parent_image, parent_image_name
  FROM processes;

-- Chains up from each start key to its root, bounded and cycle-safe: `path` holds the keys walked so
-- far, and a key already on it ends the walk. depth 0 is the start itself; when the top of a chain has a
-- parent whose start is not in the logs, one more row (stub, proc_key NULL) is built from the top's own
-- event. Each step carries the node's columns along, so the walk joins `processes` once per level and
-- nothing else (joining the finished walk back to `processes` cost 100x more on a million events).
CREATE MACRO process_ancestry(start_keys, max_depth := 16) AS TABLE
  WITH RECURSIVE walk(start_key, depth, proc_key, parent_key, path, host, ts, pid, image, image_name,
                      command_line, user_display, source_id, record_no, parent_is_stub, parent_pid, parent_image,
                      parent_image_name) AS (
    SELECT s.k, 0, p.proc_key, p.parent_key, [p.proc_key], p.host, p.ts, p.pid, p.image, p.image_name,
           p.command_line, p.user_display, p.source_id, p.record_no, p.parent_is_stub, p.parent_pid,
           p.parent_image, p.parent_image_name
    FROM (SELECT DISTINCT unnest(start_keys) AS k) s JOIN processes p ON p.proc_key = s.k
    UNION ALL
    SELECT w.start_key, w.depth + 1, p.proc_key, p.parent_key, list_append(w.path, p.proc_key), p.host, p.ts,
           p.pid, p.image, p.image_name, p.command_line, p.user_display, p.source_id, p.record_no,
           p.parent_is_stub, p.parent_pid, p.parent_image, p.parent_image_name
    FROM walk w JOIN processes p ON p.proc_key = w.parent_key
    WHERE NOT list_contains(w.path, p.proc_key) AND w.depth < max_depth
  )
  SELECT start_key, depth, false AS stub, proc_key, host, ts, pid, image, image_name, command_line,
         user_display, source_id, record_no
  FROM walk
  UNION ALL
  SELECT start_key, depth + 1, true, NULL::BIGINT, host, ts, parent_pid, parent_image, parent_image_name,
         NULL::VARCHAR, NULL::VARCHAR, NULL::INTEGER, NULL::BIGINT
  FROM walk
  WHERE parent_key IS NULL AND parent_is_stub AND depth < max_depth;

-- Descendants of each start key (depth 0 is the start), bounded and cycle-safe in the same way.
CREATE MACRO process_descendants(start_keys, max_depth := 16) AS TABLE
  WITH RECURSIVE walk(start_key, depth, proc_key, parent_key, path, host, ts, pid, image, image_name,
                      command_line, user_display, source_id, record_no) AS (
    SELECT s.k, 0, p.proc_key, p.parent_key, [p.proc_key], p.host, p.ts, p.pid, p.image, p.image_name,
           p.command_line, p.user_display, p.source_id, p.record_no
    FROM (SELECT DISTINCT unnest(start_keys) AS k) s JOIN processes p ON p.proc_key = s.k
    UNION ALL
    SELECT w.start_key, w.depth + 1, c.proc_key, c.parent_key, list_append(w.path, c.proc_key), c.host, c.ts,
           c.pid, c.image, c.image_name, c.command_line, c.user_display, c.source_id, c.record_no
    FROM walk w JOIN processes c ON c.parent_key = w.proc_key
    WHERE NOT list_contains(w.path, c.proc_key) AND w.depth < max_depth
  )
  SELECT start_key, depth, parent_key, proc_key, host, ts, pid, image, image_name, command_line,
         user_display, source_id, record_no
  FROM walk;

-- ---------------------------------------------------------------------------------------------
-- Logon sessions
-- ---------------------------------------------------------------------------------------------

-- 4624 opens a session for TargetLogonId on a host; the first 4634/4647 for that id at or after it ends it.
CREATE MACRO resolve_logon_sessions() AS TABLE
  WITH logons AS MATERIALIZED (
    SELECT event_key(e.source_id, e.record_no) AS session_key, e.source_id, e.record_no, e.record_id,
           e.host, lower(e.host) AS host_key, e.target_logon_id AS logon_id, e.ts AS start_ts,
           e.target_user, e.target_domain, e.target_sid AS user_sid,
           e.logon_type, e.ip, e.workstation, e.auth_package, e.logon_process
    FROM win_events e
    WHERE e.event_id = 4624 AND e.target_logon_id IS NOT NULL
  ),
  logoffs AS (
    SELECT lower(e.host) AS host_key, e.target_logon_id AS logon_id, e.ts, e.event_id
    FROM win_events e
    WHERE e.event_id IN (4634, 4647) AND e.target_logon_id IS NOT NULL
  ),
  spans AS (
    SELECT l.*, o.ts AS end_ts, o.event_id AS end_event_id
    FROM logons l ASOF LEFT JOIN logoffs o
      ON o.host_key = l.host_key AND o.logon_id = l.logon_id AND o.ts >= l.start_ts
  ),
  -- a few thousand accounts log on hundreds of thousands of times: name each one once
  names AS (
    SELECT target_user, target_domain, account_display(target_user, target_domain) AS user_display,
           account_key(target_user, target_domain) AS account_key
    FROM (SELECT DISTINCT target_user, target_domain FROM logons)
  )
  SELECT s.session_key, s.source_id, s.record_no, s.record_id, s.host, s.host_key, s.logon_id, s.start_ts,
         n.user_display, n.account_key, s.user_sid, s.logon_type, s.ip, s.workstation, s.auth_package,
         s.logon_process, s.end_ts, s.end_event_id
  FROM spans s
  LEFT JOIN names n
    ON n.target_user IS NOT DISTINCT FROM s.target_user AND n.target_domain IS NOT DISTINCT FROM s.target_domain;

CREATE VIEW logon_sessions AS SELECT * FROM resolve_logon_sessions();

-- Every account name the case mentions, under its key, with the spellings seen.
CREATE VIEW accounts AS
  SELECT account_key, list(DISTINCT display ORDER BY display) AS spellings,
         min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS mentions
  FROM (
    SELECT account_key(subject_user, subject_domain) AS account_key,
           account_display(subject_user, subject_domain) AS display, ts FROM win_events
    UNION ALL
    SELECT account_key(target_user, target_domain), account_display(target_user, target_domain), ts FROM win_events
    UNION ALL
    SELECT account_key(user_principal_name, NULL), user_principal_name, ts FROM signins
    UNION ALL
    SELECT account_key(initiator_upn, NULL), initiator_upn, ts FROM audits
  )
  WHERE account_key IS NOT NULL
  GROUP BY account_key;
