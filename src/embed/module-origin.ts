import { useModuleOrigin } from './payment-origin';

// Run before the element is defined (this module is imported first): elements already in the page
// are upgraded at definition and read the payment origin then.
useModuleOrigin(import.meta.url);
