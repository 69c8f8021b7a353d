/**
 * The popover's code, run in a frame when it first needs it (see
 * entrypoints/content/popover-slot.ts for why).
 */
import { probe } from '@/utils/test-probe';
import { Popover } from './content/popover';
import { providePopover } from './content/popover-slot';

export default defineUnlistedScript(() => {
  probe('page-script', { part: 'popover' });
  providePopover(Popover);
});
