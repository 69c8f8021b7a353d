/**
 * The popover's code, as a content script of its own (listed in the manifest by wxt.config.ts,
 * after the main one): see entrypoints/content/popover-slot.ts for why.
 */
import { Popover } from './content/popover';
import { providePopover } from './content/popover-slot';

export default defineUnlistedScript(() => {
  providePopover(Popover);
});
