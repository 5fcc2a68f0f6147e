// How each figure is computed: shown as tooltips and in the CSV header notes.
export const HOW = {
  frequency: "Deployments that reached users (succeeded, or succeeded then rolled back) divided by the days in the period.",
  leadTime: "Median time from a version's first deployment anywhere (usually development; a proxy for its commit, which CI does not report) to its successful finish here.",
  cfr: "(failed + rolled back) ÷ finished deployments in the period. Queued and in-progress ones are not counted.",
  restore: "Median time from a failure (failed or rolled back) to the next successful deployment of the same service in the same environment. Failures not yet restored are listed separately.",
  approval: "Median time from a promotion's request to each approval or rejection, for promotions into this environment requested in the period.",
  window: "Deployments here that started outside the policy's deploy window (or during a freeze), and hotfix promotions requested in the period.",
  cost: "The environment's monthly cost and availability target, as recorded on the environment.",
} as const;
