// Maps a screen id to its component; the switch is exhaustive so a new screen cannot be forgotten here.
import type { ScreenId } from './AppContext';
import { ImportScreen } from '../screens/import/ImportScreen';
import { FindingsScreen } from '../screens/findings/FindingsScreen';
import { AccountsScreen } from '../screens/accounts/AccountsScreen';
import { TimelineScreen } from '../screens/timeline/TimelineScreen';
import { SigninsScreen } from '../screens/signins/SigninsScreen';
import { SqlScreen } from '../screens/sql/SqlScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { CoverageScreen } from '../screens/coverage/CoverageScreen';

export function CurrentScreen({ screen }: { screen: ScreenId }) {
  switch (screen) {
    case 'import':
      return <ImportScreen />;
    case 'findings':
      return <FindingsScreen />;
    case 'accounts':
      return <AccountsScreen />;
    case 'timeline':
      return <TimelineScreen />;
    case 'signins':
      return <SigninsScreen />;
    case 'sql':
      return <SqlScreen />;
    case 'coverage':
      return <CoverageScreen />;
    case 'settings':
      return <SettingsScreen />;
    default: {
      const unreachable: never = screen;
      return unreachable;
    }
  }
}
