// `npm run bench`: runs each area's bench section in turn. Add a section by importing
// its module and awaiting it below.
import { benchSuggest } from './bench-suggest.mjs';

await benchSuggest();
