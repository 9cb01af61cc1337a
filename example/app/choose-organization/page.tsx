// Where a sign-in goes when WorkOS asks the app to choose the organization (the emulator's "Let the
// app choose"): handleAuth({ organizationSelectionPath: '/choose-organization' }) in the callback
// route. Public in the proxy: the person is not signed in until they pick.
import { OrganizationPicker } from 'authkit-rsc/components';

export default function ChooseOrganizationPage() {
  return <OrganizationPicker />;
}
