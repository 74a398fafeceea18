export * from "./auth";
export * from "./content";
export * from "./engagement";
export * from "./leads";
export * from "./linkedin";
export * from "./notifications";
export * from "./orgs";
export * from "./scheduling";
