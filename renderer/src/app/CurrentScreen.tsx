// Maps a page id to its component. A Record keyed by PageId: a screen or pivot page added to
// shared/screens.ts without a component here does not compile.
import type { ComponentType } from 'react';
import type { PageId } from '../../../shared/screens';
import { ImportScreen } from '../screens/import/ImportScreen';
import { FindingsScreen } from '../screens/findings/FindingsScreen';
import { AccountsScreen } from '../screens/accounts/AccountsScreen';
import { TimelineScreen } from '../screens/timeline/TimelineScreen';
import { BookmarksScreen } from '../screens/bookmarks/BookmarksScreen';
import { SigninsScreen } from '../screens/signins/SigninsScreen';
import { SqlScreen } from '../screens/sql/SqlScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { CoverageScreen } from '../screens/coverage/CoverageScreen';
import { EntityScreen } from '../screens/entity/EntityScreen';
import { ProcessScreen } from '../screens/processTree/ProcessScreen';

const SCREEN_COMPONENTS: Record<PageId, ComponentType> = {
  import: ImportScreen,
  findings: FindingsScreen,
  accounts: AccountsScreen,
  timeline: TimelineScreen,
  bookmarks: BookmarksScreen,
  signins: SigninsScreen,
  sql: SqlScreen,
  coverage: CoverageScreen,
  settings: SettingsScreen,
  entity: EntityScreen,
  process: ProcessScreen,
};

export function CurrentScreen({ screen }: { screen: PageId }) {
  const Screen = SCREEN_COMPONENTS[screen];
  return <Screen />;
}
