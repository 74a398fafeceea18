export * from "./auth";
export * from "./content";
export * from "./engagement";
export * from "./linkedin";
export * from "./orgs";
export * from "./scheduling";
