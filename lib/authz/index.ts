export * from "./levels";
export * from "./principal";
export * from "./pages";
