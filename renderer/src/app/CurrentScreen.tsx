// Maps a screen id to its component. A Record keyed by ScreenId: a screen added to shared/screens.ts
// without a component here does not compile.
import type { ComponentType } from 'react';
import type { ScreenId } from '../../../shared/screens';
import { ImportScreen } from '../screens/import/ImportScreen';
import { FindingsScreen } from '../screens/findings/FindingsScreen';
import { AccountsScreen } from '../screens/accounts/AccountsScreen';
import { TimelineScreen } from '../screens/timeline/TimelineScreen';
import { SigninsScreen } from '../screens/signins/SigninsScreen';
import { SqlScreen } from '../screens/sql/SqlScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { CoverageScreen } from '../screens/coverage/CoverageScreen';

const SCREEN_COMPONENTS: Record<ScreenId, ComponentType> = {
  import: ImportScreen,
  findings: FindingsScreen,
  accounts: AccountsScreen,
  timeline: TimelineScreen,
  signins: SigninsScreen,
  sql: SqlScreen,
  coverage: CoverageScreen,
  settings: SettingsScreen,
};

export function CurrentScreen({ screen }: { screen: ScreenId }) {
  const Screen = SCREEN_COMPONENTS[screen];
  return <Screen />;
}
