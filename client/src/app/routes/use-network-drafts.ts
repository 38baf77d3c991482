import { useSession } from '../../features/auth/api/auth-api';
import { useNetwork } from '../../features/networks/api/networks-api';
import { isNetworkMember, useDraftsParam } from '../../features/networks/components/drafts-switch';

/**
 * Drafts on a network's pages: members may switch to figures including drafts
 * (`?drafts=1`), published by default; `drafts` is what to ask the server for.
 */
export function useNetworkDrafts(network: string): {
  /** The network's detail (members, name), loaded to know who its members are. */
  detail: ReturnType<typeof useNetwork>;
  draftsAsked: boolean;
  setDrafts: (drafts: boolean) => void;
  isMember: boolean;
  drafts: boolean;
} {
  const session = useSession();
  const detail = useNetwork(network);
  const [draftsAsked, setDrafts] = useDraftsParam();
  const isMember = isNetworkMember(
    session.data?.roles ?? [],
    network,
    detail.data?.members.map((m) => m.slug) ?? [],
  );
  return { detail, draftsAsked, setDrafts, isMember, drafts: draftsAsked && isMember };
}
