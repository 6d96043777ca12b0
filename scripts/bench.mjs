// `npm run bench`: runs each area's bench section in turn. Add a section by importing
// its module and awaiting it below.
import { benchSuggest } from './bench-suggest.mjs';
import { benchCapture } from './bench-capture.mjs';

await benchSuggest();
await benchCapture().catch((e) => console.error(`capture bench failed to run: ${e?.stack ?? e}`));
