export * from "./auth";
export * from "./content";
export * from "./linkedin";
export * from "./orgs";
export * from "./scheduling";
