/** Prints the `--search-attribute Name=Type` flags temporal-dev.sh hands to `temporal server start-dev`. */
import { searchAttributeFlags } from '../worker/search-attributes-setup';

console.log(
  searchAttributeFlags()
    .map((flag) => `--search-attribute ${flag}`)
    .join(' '),
);
