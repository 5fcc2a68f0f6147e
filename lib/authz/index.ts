export * from "./levels";
export * from "./principal";
