// The case's tag set (the API's `triageTags`): what the tag pickers offer, in the order the responder set.
import { useApiQuery } from '../app/useApiQuery';

/** The set, or undefined until it has been read. */
export function useTriageTags(): string[] | undefined {
  const tags = useApiQuery('triage-tags', (api) => api.triageTags({}));
  return tags.data;
}
