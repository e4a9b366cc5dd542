/** The command-center wall (issue 16): its service and routes. The live feed is in changes/fanout.ts. */
export { createWallService, type WallService } from "./wall.service.ts";
export { wallRouter } from "./wall.routes.ts";
