import { QUICK_PROFILE, type Profile } from '../../scripts/profiles';

/** An even smaller configuration than `quick`, so pipeline tests run in seconds. */
export const TINY_PROFILE: Profile = {
  ...QUICK_PROFILE,
  variants: QUICK_PROFILE.variants.map((v) => ({ ...v, trainCount: 256 })),
  testCount: 200,
};
