// Every handler of the runtime API in one map (the router's type makes a missing one a compile error).
import type { Handlers } from '../router';
import { captureHandlers } from './capture';
import { composeHandlers } from './compose';
import { libraryHandlers } from './library';
import { sessionHandlers } from './sessions';
import { suggestHandlers } from './suggest';

export const handlers: Handlers = {
  ...captureHandlers,
  ...sessionHandlers,
  ...composeHandlers,
  ...suggestHandlers,
  ...libraryHandlers,
};
