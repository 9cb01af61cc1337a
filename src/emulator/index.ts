/** `authkit-rsc/emulator`: a local emulator of the WorkOS User Management API. */
export { createEmulator } from './emulator.js';
export { EmulatorDataError } from './seed.js';
export type {
  ApiKeyInput,
  AuthenticateResponseJson,
  CreateSessionInput,
  Emulator,
  EmulatorControl,
  EmulatorEnv,
  EmulatorOptions,
  FaultInfo,
  FaultInput,
  FaultStatus,
  FeatureFlagPatch,
  ImpersonatorJson,
  KeysInfo,
  ListFilter,
  MembershipPatch,
  MembershipStatus,
  RuntimeConfig,
  SeedApiKey,
  SeedData,
  SeedFeatureFlag,
  SeedMembership,
  SeedOrganization,
  SeedRole,
  SeedUser,
} from './types.js';
