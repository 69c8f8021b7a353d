export default defineBackground(() => {
  // Wiring only: lookups and the message router are registered in later modules.
});
