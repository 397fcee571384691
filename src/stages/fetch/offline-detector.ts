/**
 * OfflineDetector: tells "this machine has no network" apart from "this feed is broken", so an offline box does
 * not end up with every source disabled (fetch stage, fed by every feed poll). Pure state, no clock.
 */

/** Distinct hosts that must fail at the network level (DNS, connect) with no success in between before the
 * network is judged down. 3: one dead domain is a feed problem; three unrelated ones failing together is us. */
export const OFFLINE_AFTER_DISTINCT_HOSTS = 3;

/** AkhbarError codes that say nothing about the feed itself, only that no connection could be made. */
const NETWORK_LEVEL_CODES: ReadonlySet<string> = new Set(["fetch.dns", "fetch.network"]);

export interface OfflineDetector {
  /** Records one poll outcome: `null` code for a success (any HTTP answer counts), else the error code. */
  observe(hostKey: string, errorCode: string | null): void;
  /** Whether a failure with `errorCode` should be blamed on the network rather than the feed right now. */
  isOfflineFailure(errorCode: string | undefined): boolean;
}

/** Creates a detector. Example: dns failures on a.test, b.test, c.test -> isOfflineFailure("fetch.dns") is true. */
export function createOfflineDetector(threshold = OFFLINE_AFTER_DISTINCT_HOSTS): OfflineDetector {
  const failingHosts = new Set<string>();
  return {
    observe(hostKey, errorCode) {
      if (errorCode === null) failingHosts.clear();
      else if (NETWORK_LEVEL_CODES.has(errorCode)) failingHosts.add(hostKey);
    },
    isOfflineFailure(errorCode) {
      return errorCode !== undefined && NETWORK_LEVEL_CODES.has(errorCode) && failingHosts.size >= threshold;
    },
  };
}
